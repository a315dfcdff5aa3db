namespace Claims.Domain.Alerts;

/// <summary>The message a change's alerts travel in, from the daemon's transaction to the webhooks (Wolverine's outbox).</summary>
public sealed record AlertsRaised(IReadOnlyList<DiscrepancyAlert> Alerts);
