using Claims.Domain.Calls;
using Claims.Domain.Reconciliation;

namespace Claims.Domain.Alerts;

/// <summary>
/// A discrepancy finding that a change made appear or disappear (document id
/// <c>{callId}/{sequence}/{topic}/{finding key}</c>, so the same change never makes two alerts). Stored in the same
/// transaction as the daemon's batch and published through Wolverine's outbox with it: webhooks and the Atom feed
/// both read it.
/// </summary>
public sealed class DiscrepancyAlert
{
    public const string Appeared = "appeared";
    public const string Disappeared = "disappeared";

    public string Id { get; set; } = "";
    /// <summary><see cref="Appeared"/> or <see cref="Disappeared"/>.</summary>
    public string Change { get; set; } = "";
    /// <summary>The event store's sequence of the last event of the change: alerts sort by it.</summary>
    public long Sequence { get; set; }
    /// <summary>When the change was recorded (the last event's timestamp).</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>The editor who recorded the change.</summary>
    public string? By { get; set; }

    public string CallId { get; set; } = "";
    public string CallTitle { get; set; } = "";
    public DateOnly CallDate { get; set; }
    public List<Participant> Participants { get; set; } = [];
    public string Topic { get; set; } = "";
    /// <summary>The finding's kind (contradicted, omitted or divergent), for filtering.</summary>
    public string Kind { get; set; } = "";
    public Finding Finding { get; set; } = null!;
    /// <summary>The finding in words, naming its sources ("omitted by the US readouts (Donald Trump, The White House)").</summary>
    public string Description { get; set; } = "";
    /// <summary>The topic's verdict after the change (null when it has no claims left).</summary>
    public string? VerdictNow { get; set; }

    /// <summary>Every source the finding names, for filtering.</summary>
    public List<string> SourceIds { get; set; } = [];
    /// <summary>Every side the finding names, for filtering.</summary>
    public List<string> Sides { get; set; } = [];
    /// <summary>The topic's claims' words, folded for search (the discrepancy API's <c>q</c>).</summary>
    public string SearchText { get; set; } = "";

    public string Reconciliation => $"/api/calls/{CallId}/reconciliation";
}
