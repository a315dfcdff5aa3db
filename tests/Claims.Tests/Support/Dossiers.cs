using System.Text.Json.Nodes;

namespace Claims.Tests.Support;

/// <summary>Small valid dossiers to start from, as JSON that tests can break one field at a time.</summary>
public static class Dossiers
{
    public static JsonObject Minimal(string callId, string cnSource = "t-cn", string usSource = "t-us") => new()
    {
        ["format"] = "claims-dossier/1",
        ["call"] = new JsonObject
        {
            ["id"] = callId, ["title"] = "A test call", ["kind"] = "phone-call", ["date"] = "2025-11-24",
            ["participants"] = new JsonArray(
                new JsonObject { ["name"] = "Xi Jinping", ["side"] = "CN" },
                new JsonObject { ["name"] = "Donald Trump", ["side"] = "US" })
        },
        ["sources"] = new JsonArray(
            new JsonObject { ["id"] = cnSource, ["name"] = "Chinese foreign ministry", ["side"] = "CN", ["kind"] = "government" },
            new JsonObject { ["id"] = usSource, ["name"] = "The White House", ["side"] = "US", ["kind"] = "government" }),
        ["accounts"] = new JsonArray(
            new JsonObject
            {
                ["id"] = "cn-readout", ["source"] = cnSource, ["kind"] = "readout", ["publishedAt"] = "2025-11-24T21:00:00+08:00",
                ["language"] = "zh", ["url"] = "https://example.org/cn"
            },
            new JsonObject
            {
                ["id"] = "us-readout", ["source"] = usSource, ["kind"] = "readout", ["publishedAt"] = "2025-11-24T10:00:00-05:00",
                ["language"] = "en", ["url"] = "https://example.org/us"
            }),
        ["claims"] = new JsonArray(
            new JsonObject
            {
                ["id"] = "cn-taiwan", ["account"] = "cn-readout", ["topic"] = "taiwan", ["stance"] = "asserted",
                ["speaker"] = "Xi Jinping", ["statement"] = "Xi raised Taiwan.",
                ["quote"] = new JsonObject { ["text"] = "台湾问题", ["language"] = "zh", ["translation"] = "the Taiwan question" }
            },
            new JsonObject
            {
                ["id"] = "us-trade", ["account"] = "us-readout", ["topic"] = "trade", ["stance"] = "asserted",
                ["statement"] = "The call was mainly about trade.", ["facet"] = new JsonObject { ["key"] = "duration-minutes", ["value"] = "60" }
            })
    };
}
