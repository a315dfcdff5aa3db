namespace Claims.Benchmarks.Corpus;

public sealed record Leader(string Side, string Name, string Slug, DateOnly From, DateOnly Until);

/// <summary>A global source; the same id always carries the same name, side and kind, as the product requires.</summary>
public sealed record SourceDef(string Id, string Name, string Side, string Kind);

/// <summary>A phrase in the original language and its English gloss, so quotes and translations stay paired.</summary>
public sealed record Phrase(string Text, string English);

/// <summary>
/// The fixed world the corpus is drawn from: leaders and their terms, source pools per side, topics, facets
/// and short Chinese and Japanese phrases. Sources reused from the shipped sample keep the sample's exact names.
/// </summary>
public static class World
{
    public static readonly DateOnly First = new(2019, 1, 1);
    public static readonly DateOnly Last = new(2026, 10, 31);

    public static readonly Leader[] Leaders =
    [
        new("CN", "Xi Jinping", "xi", First, Last),
        new("US", "Donald Trump", "trump", First, new(2021, 1, 19)),
        new("US", "Joe Biden", "biden", new(2021, 1, 20), new(2025, 1, 19)),
        new("US", "Donald Trump", "trump", new(2025, 1, 20), Last),
        new("JP", "Shinzo Abe", "abe", First, new(2020, 9, 15)),
        new("JP", "Yoshihide Suga", "suga", new(2020, 9, 16), new(2021, 10, 3)),
        new("JP", "Fumio Kishida", "kishida", new(2021, 10, 4), new(2024, 9, 30)),
        new("JP", "Shigeru Ishiba", "ishiba", new(2024, 10, 1), new(2025, 10, 20)),
        new("JP", "Sanae Takaichi", "takaichi", new(2025, 10, 21), Last),
        new("RU", "Vladimir Putin", "putin", First, Last),
        new("UA", "Volodymyr Zelensky", "zelensky", new(2019, 5, 20), Last),
        new("FR", "Emmanuel Macron", "macron", First, Last),
        new("IN", "Narendra Modi", "modi", First, Last),
        new("KR", "Lee Jae-myung", "lee", new(2025, 6, 4), Last),
        new("KR", "Yoon Suk Yeol", "yoon", new(2022, 5, 10), new(2025, 4, 3)),
        new("KR", "Moon Jae-in", "moon", First, new(2022, 5, 9)),
    ];

    /// <summary>Pairs that talk; weights make US–CN and US–JP the common case.</summary>
    public static readonly (string A, string B, int Weight)[] Pairs =
    [
        ("CN", "US", 30), ("JP", "US", 20), ("CN", "JP", 10), ("CN", "RU", 8), ("RU", "US", 8), ("UA", "US", 8),
        ("FR", "CN", 5), ("IN", "US", 5), ("KR", "US", 5), ("JP", "KR", 4), ("CN", "IN", 3), ("FR", "UA", 4),
    ];

    public static readonly SourceDef[] Sources =
    [
        new("cn-mfa", "Chinese state media / foreign ministry", "CN", "state-media"),
        new("xinhua", "Xinhua News Agency", "CN", "state-media"),
        new("cn-foreign-ministry-spokesperson", "Spokesperson of the Ministry of Foreign Affairs of China", "CN", "official"),
        new("wu-xinbo", "Wu Xinbo, Fudan University, adviser to the Chinese foreign ministry", "CN", "official"),
        new("white-house", "The White House", "US", "government"),
        new("trump", "Donald Trump", "US", "leader"),
        new("biden", "Joe Biden", "US", "leader"),
        new("state-department", "US Department of State", "US", "government"),
        new("bessent", "Scott Bessent, US Treasury Secretary", "US", "official"),
        new("ustr", "Office of the US Trade Representative", "US", "government"),
        new("jp-mofa", "Ministry of Foreign Affairs of Japan", "JP", "government"),
        new("kantei", "Prime Minister's Office of Japan", "JP", "government"),
        new("takaichi", "Sanae Takaichi, Prime Minister of Japan", "JP", "leader"),
        new("jp-chief-cabinet-secretary", "Chief Cabinet Secretary of Japan", "JP", "official"),
        new("kremlin", "Presidential Executive Office of Russia (Kremlin)", "RU", "government"),
        new("peskov", "Dmitry Peskov, Kremlin spokesman", "RU", "official"),
        new("ua-president-office", "Office of the President of Ukraine", "UA", "government"),
        new("zelensky", "Volodymyr Zelensky", "UA", "leader"),
        new("elysee", "Élysée Palace", "FR", "government"),
        new("in-mea", "Ministry of External Affairs of India", "IN", "government"),
        new("modi", "Narendra Modi", "IN", "leader"),
        new("kr-president-office", "Office of the President of South Korea", "KR", "government"),
        new("bloomberg", "Bloomberg News", "XX", "media"),
        new("reuters", "Reuters", "XX", "media"),
        new("nikkei", "Nikkei Asia", "XX", "media"),
        new("ap", "Associated Press", "XX", "media"),
        new("kyodo", "Kyodo News", "XX", "media"),
    ];

    public static readonly Dictionary<string, string> Offsets = new()
    {
        ["CN"] = "+08:00", ["US"] = "-05:00", ["JP"] = "+09:00", ["RU"] = "+03:00", ["UA"] = "+02:00",
        ["FR"] = "+01:00", ["IN"] = "+05:30", ["KR"] = "+09:00", ["XX"] = "+00:00",
    };

    public static readonly Dictionary<string, string> Languages = new()
    {
        ["CN"] = "zh", ["US"] = "en", ["JP"] = "ja", ["RU"] = "ru", ["UA"] = "uk", ["FR"] = "fr", ["IN"] = "en", ["KR"] = "ko", ["XX"] = "en",
    };

    public static readonly string[] Topics =
    [
        "taiwan", "trade", "tariffs", "soybeans", "rare-earths", "fentanyl", "ukraine", "north-korea", "south-china-sea", "climate",
        "ai-governance", "semiconductors", "export-controls", "nuclear-arms", "middle-east", "iran", "energy", "lng", "investment",
        "currency", "students", "visas", "journalists", "human-rights", "hong-kong", "cybersecurity", "space", "pandemic-preparedness",
        "military-dialogue", "abductions", "security-alliance", "defense-spending", "shipbuilding", "agriculture", "tiktok",
        "state-visit", "next-meeting", "boeing", "call-format", "wwii-order",
    ];

    /// <summary>Facet keys by topic, each with the values sources give; the first value is the usual one.</summary>
    public static readonly Dictionary<string, (string Key, string[] Values)> Facets = new()
    {
        ["call-format"] = ("duration-minutes", ["60", "90", "45", "120"]),
        ["next-meeting"] = ("meetings-next-year", ["2", "1", "3"]),
        ["tariffs"] = ("tariff-rate-percent", ["10", "20", "34", "0"]),
        ["soybeans"] = ("purchase-million-tonnes", ["12", "25", "8"]),
        ["taiwan"] = ("us-taiwan-policy", ["unchanged", "reaffirmed one-China policy", "opposes independence"]),
        ["state-visit"] = ("visit-month", ["April", "November", "later this year"]),
        ["rare-earths"] = ("export-licences", ["general licences", "case by case", "suspended controls"]),
    };

    /// <summary>English statement fragments per topic; "soybean" purchases appear for the English search.</summary>
    public static string Subject(string topic) => topic switch
    {
        "soybeans" => "soybean purchases by China",
        "taiwan" => "the Taiwan question",
        "call-format" => "the length and tone of the call",
        "next-meeting" => "plans to meet again",
        "wwii-order" => "the post-war international order",
        _ => topic.Replace('-', ' '),
    };

    public static readonly string[] Verbs =
    [
        "raised", "discussed", "stressed the importance of", "agreed to keep talking about", "welcomed progress on",
        "expressed concern about", "set out its position on", "called for cooperation on",
    ];

    public static readonly Phrase[] Chinese =
    [
        new("台湾问题", "the Taiwan question"), new("贸易", "trade"), new("大豆", "soybeans"), new("关税", "tariffs"),
        new("稀土", "rare earths"), new("慎重", "with prudence"), new("双方同意", "both sides agreed"), new("元首外交", "head-of-state diplomacy"),
        new("相互尊重", "mutual respect"), new("和平共处", "peaceful coexistence"), new("合作共赢", "win-win cooperation"),
        new("芬太尼", "fentanyl"), new("战略稳定", "strategic stability"), new("乌克兰危机", "the Ukraine crisis"),
        new("妥善处理分歧", "properly manage differences"), new("中方立场", "China's position"),
    ];

    public static readonly Phrase[] Japanese =
    [
        new("高市", "Takaichi"), new("会談", "talks"), new("関税", "tariffs"), new("慎重", "cautious"), new("台湾有事", "a Taiwan contingency"),
        new("日米同盟", "the Japan–US alliance"), new("拉致問題", "the abduction issue"), new("経済安全保障", "economic security"),
        new("首脳会談", "summit talks"), new("意見交換", "an exchange of views"), new("緊密に連携", "work closely together"),
        new("大豆", "soybeans"), new("台湾問題", "the Taiwan question"), new("率直に", "frankly"),
    ];

    public static readonly string[] Outlets = ["Bloomberg (Japanese edition)", "Nikkei", "Kyodo", "South China Morning Post", "Reuters"];
}
