using Claims.Domain.Dossiers;

namespace Claims.Web.Features;

/// <summary>RFC 9457 problem details whose <c>errors</c> name each problem by its JSON path.</summary>
public static class Problems
{
    public static IResult Invalid(IEnumerable<Problem> problems, string detail) =>
        Results.ValidationProblem(Group(problems), detail, title: "The request is not valid");

    public static IResult Conflict(IEnumerable<Problem> conflicts, string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict with stored data",
            extensions: new Dictionary<string, object?> { ["errors"] = Group(conflicts) });

    public static IResult NotFound(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult BadRequest(string path, string message) => Invalid([new Problem(path, message)], message);

    private static Dictionary<string, string[]> Group(IEnumerable<Problem> problems) =>
        problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
