using System.Linq.Expressions;
using System.Reflection;
using Marten.Linq.MatchesSql;

namespace Claims.Web.Features;

/// <summary>
/// Filters whose values stand in the LINQ expression as constants. Marten reads a value in a query's expression by
/// compiling it to IL unless it is already a constant, and a C# lambda's captured variable never is: every filter
/// written <c>Where(r =&gt; r.Topic == topic)</c> cost a compilation on every request (a tenth of the call list's CPU).
/// </summary>
public static class ConstantFilters
{
    private static readonly MethodInfo MatchesSqlMethod = typeof(MatchesSqlExtensions)
        .GetMethod(nameof(MatchesSqlExtensions.MatchesSql), [typeof(object), typeof(string), typeof(object[])])!;

    /// <summary><c>Where(d =&gt; d.MatchesSql(sql, parameters))</c> with the SQL and its parameters as constants.</summary>
    public static IQueryable<T> WhereSql<T>(this IQueryable<T> source, string sql, params object[] parameters)
    {
        var d = Expression.Parameter(typeof(T), "d");
        var call = Expression.Call(MatchesSqlMethod, d, Expression.Constant(sql), Expression.Constant(parameters));
        return source.Where(Expression.Lambda<Func<T, bool>>(call, d));
    }

    /// <summary><c>Where(d =&gt; d.Member op value)</c> with the value as a constant: <paramref name="op"/> is
    /// <see cref="ExpressionType.Equal"/>, <see cref="ExpressionType.GreaterThanOrEqual"/> or another comparison.</summary>
    public static IQueryable<T> WhereCompared<T, TValue>(this IQueryable<T> source, Expression<Func<T, TValue>> member, ExpressionType op, TValue value)
    {
        var compared = Expression.MakeBinary(op, member.Body, Expression.Constant(value, typeof(TValue)));
        return source.Where(Expression.Lambda<Func<T, bool>>(compared, member.Parameters));
    }
}
