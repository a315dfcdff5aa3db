using Marten;

namespace Claims.Web.Features.Calls;

/// <summary>Every participant's name and every topic of the stored calls: the call list's filter menus.</summary>
public sealed record CallChoiceLists(IReadOnlyList<string> Participants, IReadOnlyList<string> Topics);

/// <summary>
/// The call list's menus, read from every call's summary: at a million claims that is seconds of work, so the lists
/// are kept and read again at most every half minute, by one request at a time in the background while the others
/// are given the lists as they were (a new call's names reach the menus that much later). Only the first reader waits.
/// </summary>
public sealed class CallChoices(IDocumentStore store, ILogger<CallChoices> log) : IDisposable
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot? _last;

    private sealed record Snapshot(CallChoiceLists Lists, DateTimeOffset ReadAt);

    public async Task<CallChoiceLists> GetAsync(CancellationToken ct)
    {
        if (_last is { } last)
        {
            if (DateTimeOffset.UtcNow - last.ReadAt >= FreshFor && _reading.Wait(0)) _ = RefreshAsync();
            return last.Lists;
        }
        await _reading.WaitAsync(ct);
        try
        {
            return (_last ??= new Snapshot(await ReadAsync(CancellationToken.None), DateTimeOffset.UtcNow)).Lists;
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            _last = new Snapshot(await ReadAsync(CancellationToken.None), DateTimeOffset.UtcNow);
        }
        catch (Exception e)
        {
            // The lists as they were stay in use; the next reader after half a minute tries again.
            log.LogWarning(e, "Reading the call list's participant and topic menus failed");
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task<CallChoiceLists> ReadAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var table = CallQuery.TableOf(store);
        var participants = await session.AdvancedSql.QueryAsync<string>(
            $"select distinct p ->> 'name' from {table}, jsonb_array_elements(data -> 'participants') p order by 1", ct);
        var topics = await session.AdvancedSql.QueryAsync<string>($"select distinct t from {table}, unnest(topics) t order by 1", ct);
        return new CallChoiceLists(participants, topics);
    }

    public void Dispose() => _reading.Dispose();
}
