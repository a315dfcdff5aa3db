namespace Claims.Domain;

/// <summary>The closed word lists of the dossier format (spec section 2).</summary>
public static class Vocabulary
{
    public const string FormatV1 = "claims-dossier/1";
    public const string Format = "claims-dossier/2";
    public static readonly string[] Formats = [Format, FormatV1];

    public static readonly string[] CallKinds = ["phone-call", "video-call", "meeting", "summit", "other"];
    public static readonly string[] CallRelations = ["followed-by", "follows", "part-of", "see-also"];

    /// <summary>Kinds of source that speak for a government: party or third-party standing, by side.</summary>
    public static readonly string[] OfficialSourceKinds = ["government", "state-media", "leader", "official", "unnamed-official"];
    /// <summary>Kinds of source that only report or comment: independent standing, whatever their side.</summary>
    public static readonly string[] IndependentSourceKinds = ["media", "analyst"];
    public static readonly string[] SourceKinds = [.. OfficialSourceKinds, .. IndependentSourceKinds];

    public static readonly string[] AccountKinds = ["readout", "statement", "interview", "briefing", "report"];
    public static readonly string[] Stances = [Stance.Asserted, Stance.Denied];
    public static readonly string[] ClaimRelations = ["responds-to", "rebutted-by", "clarifies", "repeats"];

    /// <summary>The account kind whose silence on a topic counts as an omission.</summary>
    public const string Readout = "readout";
}

public static class Stance
{
    public const string Asserted = "asserted";
    public const string Denied = "denied";
}

/// <summary>How precisely an account's time is known. Minute is the default and is stored as no value.</summary>
public static class TimePrecision
{
    public const string Minute = "minute";
    public const string Hour = "hour";
    public const string Day = "day";
    public static readonly string[] All = [Minute, Hour, Day];
}

/// <summary>What a quote holds. Verbatim is the default and is stored as no value.</summary>
public static class QuoteKind
{
    public const string Verbatim = "verbatim";
    public const string OutletTranslation = "outlet-translation";
    public const string Paraphrase = "paraphrase";
    public static readonly string[] All = [Verbatim, OutletTranslation, Paraphrase];
}
