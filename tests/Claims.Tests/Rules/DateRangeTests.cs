using Claims.Domain.Discrepancies;
using Claims.Web.Features.Discrepancies;

namespace Claims.Tests.Rules;

/// <summary>The from/to filters, read as a range of the sort key, keep exactly the calls on those days and between.</summary>
public class DateRangeTests
{
    private static readonly DateOnly Day = new(2025, 11, 24);

    private static List<DateOnly> Kept(DateOnly? from, DateOnly? to)
    {
        var rows = Enumerable.Range(-3, 7).Select(d => Day.AddDays(d)).Select(date => new DiscrepancyRow
        {
            CallDate = date, SortKey = DiscrepancyRow.SortKeyOf(date, $"{date:yyyy-MM-dd}-call", "taiwan")
        });
        return new DiscrepancyQuery(From: from, To: to).Apply(rows.AsQueryable()).Select(r => r.CallDate).ToList();
    }

    [Fact]
    public void both_ends_are_inclusive_and_newest_comes_first() =>
        Kept(Day.AddDays(-1), Day.AddDays(1)).ShouldBe([Day.AddDays(1), Day, Day.AddDays(-1)]);

    [Fact]
    public void one_end_alone_bounds_one_side() =>
        (Kept(Day, null).Count, Kept(null, Day).Count).ShouldBe((4, 4));

    [Fact]
    public void the_earliest_and_latest_dates_are_bounds_like_any_other() =>
        Kept(DateOnly.MinValue, DateOnly.MaxValue).Count.ShouldBe(7);
}
