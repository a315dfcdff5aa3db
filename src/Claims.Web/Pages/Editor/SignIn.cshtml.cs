using System.Security.Claims;
using Claims.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Claims.Web.Pages.Editor;

/// <summary>Editors sign in with the editor key; the name they give is recorded with every change they make.</summary>
public sealed class SignInModel(IConfiguration config, KeyGuessLimiter guesses) : PageModel
{
    [BindProperty] public string Key { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
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
        if (config["Claims:EditorKey"] is not { Length: > 0 } expected || !EditorKey.Matches(expected, Key.Trim()))
        {
            guesses.Failed(HttpContext);
            Problem = "That is not the editor key.";
            return Page();
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, EditorKey.CleanName(Name)), new Claim(EditorKey.KeyClaim, EditorKey.Fingerprint(expected))],
            EditorKey.CookieScheme);
        await HttpContext.SignInAsync(EditorKey.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
