using Claims.Domain.Discrepancies;
using Claims.Domain.Indexing;

namespace Claims.Tests.Projections;

/// <summary>
/// The ledger's digests of the call's index documents, from events alone (no database): what a batch compares with
/// must be what the documents of the state before it are, whether the digests were kept or worked out again.
/// </summary>
public class IndexDigestsReplayTests
{
    private readonly Given _call = new("digest-call");

    [Fact]
    public void a_ledger_keeps_the_digests_of_its_documents_from_its_second_batch_on_and_the_next_batch_is_compared_with_them()
    {
        var opened = Replay.Ledger(null, _call.CallId, _call.Registered(), _call.Account("cn-readout", "cn-mfa", "CN"), _call.Account("us-readout", "white-house", "US"));
        opened.IndexDigests.ShouldBeNull();

        var claimed = Replay.Ledger(opened, _call.CallId, _call.Claim("cn-taiwan", "cn-readout", "taiwan"), _call.Claim("us-trade", "us-readout", "trade"));
        var kept = claimed.IndexDigests.ShouldNotBeNull();
        kept.ShouldBe(IndexedDocuments.DigestsOf(claimed));

        // A correction moves a claim to another topic: the old topic's row goes, the new one's comes, the rest stays.
        var corrected = Replay.Ledger(claimed, _call.CallId, _call.Correct("us-trade", "soybeans"));
        corrected.IndexDigests.ShouldBe(IndexedDocuments.DigestsOf(corrected));
        var changed = IndexedDocuments.Compare(corrected, kept).Changes;
        changed[Row("trade")].ShouldBeNull();
        changed[Row("soybeans")].ShouldNotBeNull();
        changed.Keys.ShouldNotContain(Row("taiwan"));
    }

    private string Row(string topic) => IndexedDocuments.Rows.Key(DiscrepancyRow.RowId(_call.CallId, topic));
}
