using System.Globalization;
using System.Text.Json;
using Claims.Domain.Dossiers;

namespace Claims.Benchmarks.Corpus;

/// <summary>What was generated: the dossier folder and what importing it must produce.</summary>
public sealed class GeneratedCorpus
{
    public required string Folder { get; init; }
    public List<string> CallIds { get; } = [];
    public List<ClaimRow> Rows { get; } = [];
    public List<ClaimChangeRequest> Changes { get; } = [];
    public HashSet<string> SourceIds { get; } = [];
    public int Accounts { get; set; }
    public int Claims { get; set; }
    public int Retractions => Changes.Count(c => c.Retraction);
    public int ExpectedLiveClaims => Claims - Retractions;
    /// <summary>Events the import appends: one per call, account and claim, one per source stream.</summary>
    public long ImportEvents => CallIds.Count + Accounts + Claims + SourceIds.Count;
}

/// <summary>
/// A seeded, reproducible corpus of claims-dossier/1 files: calls between leader pairs from 2019 to 2026, each with
/// 2–6 sources from fixed per-side pools, readouts from both sides most of the time, 5–40 claims over ~40 topics,
/// quotes in English, Chinese and Japanese with translations, facets that sometimes disagree, some denials, and
/// about 2% of claims later corrected or retracted. Every file is checked by the product's own reader. With
/// <paramref name="withTexts"/>, every readout also carries its text (<see cref="ReadoutText"/>), in which its claims'
/// quotes stand.
/// </summary>
public sealed class CorpusGenerator(int seed, bool withTexts = false)
{
    private readonly Random _random = new(seed);
    private readonly int _pairWeight = World.Pairs.Sum(p => p.Weight);
    private static readonly string[] CallKinds = ["phone-call", "phone-call", "phone-call", "video-call", "meeting", "meeting", "summit"];

    public GeneratedCorpus Write(string folder, int targetClaims, double changeRate = 0.02)
    {
        Directory.CreateDirectory(folder);
        var corpus = new GeneratedCorpus { Folder = folder };
        for (var index = 0; corpus.Claims < targetClaims; index++)
        {
            var dossier = Call(index, Math.Min(targetClaims - corpus.Claims, _random.Next(5, 41)), "c");
            var json = Check(dossier);
            // Sub-folders keep directory listings short at a million claims; the import command reads folders recursively.
            var sub = Path.Combine(folder, (index / 1000).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            File.WriteAllText(Path.Combine(sub, dossier.Call.Id + ".json"), json);
            Record(corpus, dossier, changeRate);
        }
        return corpus;
    }

    /// <summary>Small new dossiers (distinct call ids under <paramref name="prefix"/>) for the HTTP import figures.</summary>
    public List<string> SmallDossiers(string prefix, int count, int claims = 10) =>
        Enumerable.Range(0, count).Select(i => Check(Call(i, claims, prefix))).ToList();

    private static string Check(DossierFile dossier)
    {
        var json = DossierJson.Write(dossier);
        var reading = DossierReader.Read(json);
        if (!reading.IsValid)
            throw new InvalidOperationException($"Generated dossier {dossier.Call.Id} is invalid: {string.Join("; ", reading.Problems)}");
        return json;
    }

    private void Record(GeneratedCorpus corpus, DossierFile dossier, double changeRate)
    {
        corpus.CallIds.Add(dossier.Call.Id);
        corpus.Accounts += dossier.Accounts.Count;
        foreach (var source in dossier.Sources) corpus.SourceIds.Add(source.Id);
        var accounts = dossier.Accounts.ToDictionary(a => a.Id);
        var sources = dossier.Sources.ToDictionary(s => s.Id);
        foreach (var claim in dossier.Claims)
        {
            var account = accounts[claim.Account];
            corpus.Claims++;
            corpus.Rows.Add(new ClaimRow(dossier.Call.Id, claim.Id, account.Id, account.Source, sources[account.Source].Side,
                claim.Topic, claim.Stance, claim.Statement, claim.Speaker, claim.Quote?.Text, claim.Quote?.Language,
                claim.Quote?.Translation, claim.Facet?.Key, claim.Facet?.Value,
                DateTimeOffset.Parse(account.PublishedAt, CultureInfo.InvariantCulture)));
            if (_random.NextDouble() < changeRate) corpus.Changes.Add(Change(dossier.Call.Id, claim));
        }
    }

    private ClaimChangeRequest Change(string callId, ClaimJson claim)
    {
        if (_random.NextDouble() < 0.5)
            return new(callId, claim.Id, true, JsonSerializer.Serialize(new { reason = "The outlet withdrew the report." }));
        object body = _random.Next(3) switch
        {
            0 => new { reason = "The ministry revised its readout.", stance = claim.Stance == "asserted" ? "denied" : "asserted" },
            1 when claim.Facet is { } facet => new
            {
                reason = "The figure was misreported.",
                facet = new { key = facet.Key, value = facet.Value + " (revised)" }
            },
            _ => new { reason = "The transcript was corrected.", statement = claim.Statement + " (corrected against the transcript)" },
        };
        return new(callId, claim.Id, false, JsonSerializer.Serialize(body, DossierJson.Options));
    }

    private DossierFile Call(int index, int claimCount, string prefix)
    {
        var (date, a, b) = PickLeaders();
        var kind = CallKinds[_random.Next(CallKinds.Length)];
        var id = $"{date:yyyy-MM-dd}-{a.Slug}-{b.Slug}-{prefix}{index:D6}";
        var participants = new List<ParticipantJson> { new(a.Name, a.Side), new(b.Name, b.Side) };

        var chosen = new List<(SourceDef Source, bool Readout)>();
        foreach (var side in new[] { a.Side, b.Side })
        {
            // A participant side publishes a readout most of the time; its absence is what makes some topics single-sided.
            if (_random.NextDouble() < 0.9)
                chosen.Add((Pick(World.Sources.Where(s => s.Side == side && s.Kind is "government" or "state-media").ToArray()), true));
        }
        var extras = World.Sources.Where(s => s.Side == "XX" || ((s.Side == a.Side || s.Side == b.Side) && s.Kind != "leader")
                || (s.Kind == "leader" && (s.Name == a.Name || s.Name == b.Name || s.Name.StartsWith(a.Name + ",") || s.Name.StartsWith(b.Name + ","))))
            .Where(s => chosen.All(c => c.Source.Id != s.Id)).OrderBy(_ => _random.Next()).ToList();
        var want = _random.Next(Math.Max(2, chosen.Count), 7);
        foreach (var source in extras.Take(want - chosen.Count)) chosen.Add((source, false));

        var accounts = new List<AccountJson>();
        foreach (var (source, readout) in chosen)
        {
            accounts.Add(Account(id, date, source, readout ? "readout" : AccountKind(source), ""));
            if (_random.NextDouble() < 0.15) accounts.Add(Account(id, date, source, "interview", "-2"));
        }
        var sourceOf = accounts.ToDictionary(x => x.Id, x => chosen.First(c => c.Source.Id == x.Source).Source);

        var topics = World.Topics.OrderBy(_ => _random.Next()).Take(Math.Clamp(claimCount / 3, 2, 12)).ToList();
        var usual = topics.Where(World.Facets.ContainsKey).ToDictionary(t => t, t => World.Facets[t].Values[0]);
        var claims = new List<ClaimJson>();
        for (var j = 0; j < claimCount; j++)
        {
            var account = accounts[_random.Next(accounts.Count)];
            claims.Add(Claim(j, topics[_random.Next(topics.Count)], account, sourceOf[account.Id], a, b, usual));
        }

        if (withTexts)
            accounts = accounts.Select(x => x.Kind == "readout" ? x with { Text = new TextJson(ReadoutText(x, claims.Where(c => c.Account == x.Id))) } : x).ToList();
        var sources = chosen.Select(c => new SourceJson(c.Source.Id, c.Source.Name, c.Source.Side, c.Source.Kind)).ToList();
        return new DossierFile("claims-dossier/1", new CallJson(id, $"{a.Name} and {b.Name} {kind.Replace('-', ' ')}", kind,
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), participants), sources, accounts, claims);
    }

    /// <summary>
    /// A readout's text, as long as a short real one (a few hundred characters to a few thousand): an opening, a
    /// sentence per claim with the claim's quote in it, and a closing that only texts hold ("candid and constructive"),
    /// in the readout's language.
    /// </summary>
    private string ReadoutText(AccountJson account, IEnumerable<ClaimJson> claims)
    {
        var chinese = account.Language == "zh";
        var japanese = account.Language == "ja";
        var text = new System.Text.StringBuilder(chinese ? "双方就双边关系和共同关心的问题深入交换意见。\n"
            : japanese ? "両首脳は二国間関係と共通の関心事項について意見を交わした。\n"
            : "The two leaders exchanged views on bilateral relations and issues of common concern.\n");
        foreach (var claim in claims)
        {
            var subject = World.Subject(claim.Topic);
            text.Append(claim.Quote is { } quote
                ? (chinese ? $"关于{subject}，" : japanese ? $"{subject}について、" : $"On {subject}: ") + quote.Text + "\n"
                : chinese ? $"双方还谈到了{subject}。\n" : japanese ? $"{subject}についても話し合った。\n" : $"They also discussed {subject}.\n");
        }
        text.Append(chinese ? "会谈是坦诚的、建设性的。" : japanese ? "会談は率直かつ建設的な雰囲気で行われた。"
            : "The call was candid and constructive, and both sides agreed to stay in close touch.");
        return text.ToString();
    }

    private (DateOnly Date, Leader A, Leader B) PickLeaders()
    {
        while (true)
        {
            var date = World.First.AddDays(_random.Next(World.Last.DayNumber - World.First.DayNumber + 1));
            var pick = _random.Next(_pairWeight);
            var pair = World.Pairs.First(p => (pick -= p.Weight) < 0);
            var a = World.Leaders.FirstOrDefault(l => l.Side == pair.A && l.From <= date && date <= l.Until);
            var b = World.Leaders.FirstOrDefault(l => l.Side == pair.B && l.From <= date && date <= l.Until);
            if (a is not null && b is not null) return (date, a, b);
        }
    }

    private string AccountKind(SourceDef source) => source.Kind switch
    {
        "leader" => "statement",
        "official" => _random.Next(2) == 0 ? "briefing" : "interview",
        "media" => "report",
        _ => _random.Next(2) == 0 ? "statement" : "briefing",
    };

    private AccountJson Account(string callId, DateOnly date, SourceDef source, string kind, string suffix)
    {
        var offset = TimeSpan.Parse(World.Offsets[source.Side].TrimStart('+'), CultureInfo.InvariantCulture);
        var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), offset).AddMinutes(_random.Next(0, 48 * 60));
        var id = $"{source.Id}-{kind}{suffix}";
        return new AccountJson(id, source.Id, kind, Instant(at), World.Languages[source.Side],
            $"https://example.org/{source.Id}/{callId}/{id}", $"{source.Name}: {kind} of {callId}");
    }

    private ClaimJson Claim(int j, string topic, AccountJson account, SourceDef source, Leader a, Leader b, Dictionary<string, string> usual)
    {
        var leader = _random.Next(2) == 0 ? a : b;
        var denied = _random.NextDouble() < 0.06;
        var statement = denied
            ? $"{source.Name} denied that {World.Subject(topic)} came up between {a.Name} and {b.Name}."
            : $"According to {source.Name}, {leader.Name} {World.Verbs[_random.Next(World.Verbs.Length)]} {World.Subject(topic)} (point {j + 1}).";

        QuoteJson? quote = null;
        if (_random.NextDouble() < 0.45)
        {
            var (phrases, separator, language) = source.Side switch
            {
                "CN" => (World.Chinese, "，", "zh"),
                "JP" => (World.Japanese, "、", "ja"),
                _ => (Array.Empty<Phrase>(), "", "en"),
            };
            if (phrases.Length == 0)
                quote = new QuoteJson($"We {World.Verbs[_random.Next(World.Verbs.Length)]} {World.Subject(topic)}.", "en", $"We discussed {World.Subject(topic)}.");
            else
            {
                var picked = Enumerable.Range(0, _random.Next(2, 4)).Select(_ => phrases[_random.Next(phrases.Length)]).ToList();
                quote = new QuoteJson(string.Join(separator, picked.Select(p => p.Text)) + "。", language,
                    string.Join(", ", picked.Select(p => p.English)));
            }
        }

        FacetJson? facet = null;
        if (!denied && usual.TryGetValue(topic, out var value) && _random.NextDouble() < 0.7)
        {
            var (key, values) = World.Facets[topic];
            facet = new FacetJson(key, _random.NextDouble() < 0.75 ? value : values[_random.Next(values.Length)]);
        }

        ReportedViaJson? via = null;
        if (_random.NextDouble() < 0.1)
            via = new ReportedViaJson(World.Outlets[_random.Next(World.Outlets.Length)], "https://example.org/news/" + account.Id,
                Instant(DateTimeOffset.Parse(account.PublishedAt, CultureInfo.InvariantCulture).AddHours(3)));

        return new ClaimJson($"c{j:D2}-{topic}", account.Id, topic, denied ? "denied" : "asserted", statement,
            _random.NextDouble() < 0.5 ? leader.Name : null, quote, facet, via);
    }

    private static string Instant(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
