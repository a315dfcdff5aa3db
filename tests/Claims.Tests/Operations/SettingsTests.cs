using Claims.Web.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Claims.Tests.Operations;

/// <summary>
/// The <c>Claims</c> settings are one options class: the check before anything starts and the host's own
/// validation at start (ValidateOnStart) say the same sentence for the same bad setting. StartupTests runs the
/// program itself with each bad setting.
/// </summary>
public class SettingsTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    private static IHost Host(IConfiguration configuration)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddClaimsSettings(configuration);
        return builder.Build();
    }

    [Fact]
    public async Task a_host_with_a_bad_setting_does_not_start_and_says_the_validators_sentence()
    {
        using var host = Host(Configuration(("Claims:Nodes", "many")));
        var refused = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        refused.Failures.ShouldBe(["Claims__Nodes is \"many\"; it must be solo or balanced."]);
    }

    [Theory]
    [InlineData("Claims:Schema", "Bad-Schema")]
    [InlineData("Claims:Nodes", "many")]
    [InlineData("Claims:CountLimit", "0")]
    [InlineData("Claims:EditorKey", " ")]
    [InlineData("Claims:TrustedProxies", "10.0.0.1, nonsense")]
    [InlineData("Claims:TopicLabels", "/nonexistent/labels.json")]
    [InlineData("Claims:Webhooks:RetrySeconds", "2,,3")]
    [InlineData("Claims:Webhooks:TimeoutSeconds", "0.05")]
    public void the_early_check_and_the_options_refuse_a_setting_with_the_same_sentence(string key, string value)
    {
        var configuration = Configuration((key, value));
        ClaimsSettings.Read(configuration, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull();
        problem.ShouldStartWith("Claims__" + key["Claims:".Length..].Replace(":", "__"));

        using var host = Host(configuration);
        Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ClaimsSettings>>().Value)
            .Failures.ShouldBe([problem]);
    }

    [Theory]
    [InlineData("Claims:CountLimit", "abc", "Claims__CountLimit is \"abc\"; it must be a whole number of at least 1 (the default is 5000).")]
    [InlineData("Claims:CountLimit", " 5", "Claims__CountLimit is \" 5\"")]
    [InlineData("Claims:LoadRecord", "true\n", "Claims__LoadRecord is \"true\\n\"; it must be true or false.")]
    [InlineData("Claims:Webhooks:AllowPrivateAddresses", "1", "Claims__Webhooks__AllowPrivateAddresses is \"1\"; it must be true or false.")]
    [InlineData("Claims:Webhooks:TimeoutSeconds", "1,5", "Claims__Webhooks__TimeoutSeconds is \"1,5\"; it must be a number of seconds from 0.1 to 300.")]
    public void text_that_is_no_value_of_the_settings_type_is_a_sentence_naming_the_setting(string key, string value, string sentence)
    {
        ClaimsSettings.Read(Configuration((key, value)), out var problem).ShouldBeNull();
        problem.ShouldNotBeNull();
        problem.ShouldStartWith(sentence);
    }

    [Fact]
    public void unset_settings_have_their_defaults_and_set_ones_are_read_alike_by_both()
    {
        var defaults = ClaimsSettings.Read(Configuration(), out var problem);
        problem.ShouldBeNull();
        defaults.ShouldNotBeNull();
        (defaults.StoreSchema, defaults.LoadSample, defaults.LoadRecord, defaults.CountLimit).ShouldBe(("claims", true, true, 5000));
        defaults.Webhooks.RetryWaits().ShouldBe(ClaimsSettings.WebhookDelivery.DefaultRetrySeconds);
        defaults.Webhooks.TimeoutSeconds.ShouldBe(10);

        var configuration = Configuration(("Claims:Schema", "t_settings"), ("Claims:LoadSample", "FALSE"), ("Claims:CountLimit", "7"),
            ("Claims:TrustedProxies", " 10.0.0.5 , 172.16.0.0/12"), ("Claims:Review:Name", "Desk"),
            ("Claims:Webhooks:AllowPrivateAddresses", "true"), ("Claims:Webhooks:RetrySeconds", "0.5, 2"), ("Claims:Webhooks:TimeoutSeconds", "2.5"));
        var early = ClaimsSettings.Read(configuration, out problem);
        problem.ShouldBeNull();
        using var host = Host(configuration);
        foreach (var settings in new[] { early!, host.Services.GetRequiredService<IOptions<ClaimsSettings>>().Value })
        {
            (settings.StoreSchema, settings.LoadSample, settings.CountLimit, settings.Review.Name).ShouldBe(("t_settings", false, 7, "Desk"));
            settings.TrustedProxyEntries.ShouldBe(["10.0.0.5", "172.16.0.0/12"]);
            settings.Webhooks.AllowPrivateAddresses.ShouldBeTrue();
            settings.Webhooks.RetryWaits().ShouldBe([0.5, 2]);
            settings.Webhooks.TimeoutSeconds.ShouldBe(2.5);
        }
    }
}
