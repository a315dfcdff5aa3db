using System.Text.Json;

namespace Claims.Domain.Texts;

/// <summary>
/// Topics' names in several languages (<c>Data/topic-labels.json</c>, and optionally a newsroom's own file merged over
/// it), so that a search term that names a topic finds every claim filed under it, whatever language the claim is
/// written in: <c>台湾</c> finds the English claims filed under <c>taiwan</c>. A term names a topic when, folded for
/// search, it equals one of the topic's labels or the topic's id read with spaces for hyphens.
/// </summary>
public sealed class TopicLabels
{
    private readonly Dictionary<string, HashSet<string>> _topicsByLabel;

    /// <summary>Every topic with its labels as the files give them, by language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Topics { get; }

    private TopicLabels(Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> topics)
    {
        Topics = topics;
        _topicsByLabel = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (topic, languages) in topics)
            foreach (var label in languages.Values.SelectMany(l => l).Append(topic.Replace('-', ' ')))
            {
                var key = FoldedText.Fold(label, Folding.Search);
                if (key.Length == 0) continue;
                if (!_topicsByLabel.TryGetValue(key, out var set)) _topicsByLabel[key] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(topic);
            }
    }

    /// <summary>The built-in labels only.</summary>
    public static TopicLabels BuiltIn { get; } = Load(null);

    /// <summary>
    /// The labels searches use: the built-in ones, or with a newsroom's file merged (the program sets it once at start
    /// from <c>Claims__TopicLabels</c>). Process-wide, like the folding tables: every search in the process reads the same vocabulary.
    /// </summary>
    public static TopicLabels Active { get; set; } = BuiltIn;

    /// <summary>The built-in labels with <paramref name="extraFile"/>'s merged over them (its labels added to a topic's).</summary>
    public static TopicLabels Load(string? extraFile)
    {
        using var stream = typeof(TopicLabels).Assembly.GetManifestResourceStream("topic-labels.json")
            ?? throw new InvalidOperationException("The embedded file topic-labels.json is missing from Claims.Domain.");
        var topics = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        Merge(topics, JsonDocument.Parse(stream).RootElement, "topic-labels.json");
        if (extraFile is not null)
        {
            using var extra = File.OpenRead(extraFile);
            Merge(topics, JsonDocument.Parse(extra).RootElement, extraFile);
        }
        return new TopicLabels(topics);
    }

    /// <summary>The topics <paramref name="term"/> names (none for most terms).</summary>
    public IReadOnlyCollection<string> TopicsNamedBy(string term) =>
        _topicsByLabel.TryGetValue(FoldedText.Fold(term, Folding.Search), out var topics) ? topics : [];

    private static void Merge(Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> topics, JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{file}: must be an object of topics");
        foreach (var topic in root.EnumerateObject())
        {
            if (topic.Name.StartsWith('$')) continue;
            if (!Slug.IsValid(topic.Name))
                throw new InvalidDataException($"{file}: \"{topic.Name}\" is not a topic id (lower-case ASCII words joined by hyphens)");
            if (topic.Value.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{file}: $.{topic.Name}: must be an object of languages, each with a list of labels");
            var languages = topics.TryGetValue(topic.Name, out var known)
                ? known.ToDictionary(l => l.Key, l => l.Value.ToList())
                : new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var language in topic.Value.EnumerateObject())
            {
                if (language.Value.ValueKind != JsonValueKind.Array || language.Value.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.String))
                    throw new InvalidDataException($"{file}: $.{topic.Name}.{language.Name}: must be a list of labels (strings)");
                if (!languages.TryGetValue(language.Name, out var labels)) languages[language.Name] = labels = [];
                labels.AddRange(language.Value.EnumerateArray().Select(l => l.GetString()!).Where(l => !labels.Contains(l)));
            }
            topics[topic.Name] = languages.ToDictionary(l => l.Key, l => (IReadOnlyList<string>)l.Value);
        }
    }
}
