namespace Claims.Domain;

/// <summary>The closed word lists of the dossier format (spec section 2).</summary>
public static class Vocabulary
{
    public const string Format = "claims-dossier/1";

    public static readonly string[] CallKinds = ["phone-call", "video-call", "meeting", "summit", "other"];
    public static readonly string[] SourceKinds = ["government", "state-media", "leader", "official", "media"];
    public static readonly string[] AccountKinds = ["readout", "statement", "interview", "briefing", "report"];
    public static readonly string[] Stances = [Stance.Asserted, Stance.Denied];

    /// <summary>The account kind whose silence on a topic counts as an omission.</summary>
    public const string Readout = "readout";
}

public static class Stance
{
    public const string Asserted = "asserted";
    public const string Denied = "denied";
}
