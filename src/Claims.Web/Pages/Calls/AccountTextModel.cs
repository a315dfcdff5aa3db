using Claims.Domain.Reconciliation;

namespace Claims.Web.Pages.Calls;

/// <summary>What the account text partial shows: an account's text (or a translation of it) with its claims marked.</summary>
/// <param name="Topics">The call's topics in rank order, for the highlights' colours.</param>
/// <param name="Language">A translation's language to show instead of the original, when the account has one.</param>
/// <param name="Column">Whether it stands in the side-by-side columns (a heading and a link to the account's own page).</param>
public sealed record AccountTextModel(AccountDetail Detail, IReadOnlyList<string> Topics, string? Language, bool Column);
