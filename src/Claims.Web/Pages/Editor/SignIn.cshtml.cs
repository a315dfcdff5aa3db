using System.Security.Claims;
using Claims.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages.Editor;

/// <summary>Editors sign in with their own key; the key's holder is recorded with every change they make.</summary>
public sealed class SignInModel(KeyGuessLimiter guesses) : PageModel
{
    [BindProperty] public string Key { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Problem { get; private set; }

    public void OnGet() => ViewData["Title"] = "Editor sign-in";

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData["Title"] = "Editor sign-in";
        if (guesses.Blocked(HttpContext))
        {
            KeyGuessLimiter.TooMany(Response);
            Problem = $"Too many wrong keys from this address; try again in {KeyGuessLimiter.Replenishment.TotalSeconds:0} seconds.";
            return Page();
        }
        if (await EditorAccounts.ResolveAsync(HttpContext, Key) is not { } editor)
        {
            guesses.Failed(HttpContext);
            Problem = "That is not an editor's key.";
            return Page();
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, editor.Name), new Claim(EditorKey.KeyClaim, editor.Fingerprint)], EditorKey.CookieScheme);
        await HttpContext.SignInAsync(EditorKey.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
