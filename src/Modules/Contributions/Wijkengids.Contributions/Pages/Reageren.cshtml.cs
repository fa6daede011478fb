using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Contributions.Reactions;

namespace Wijkengids.Contributions.Pages;

[EnableRateLimiting(RateLimitPolicies.Forms)]
public sealed class ReagerenModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "over")] public string? Over { get; set; }
    [BindProperty] public string? About { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public bool ShowName { get; set; } = true;
    [BindProperty] public string? Website { get; set; }

    public bool Sent { get; private set; }
    public bool Merged { get; private set; }
    public List<(string Field, string Message)> Errors { get; } = [];

    public void OnGet()
    {
        About = ReactionAbout.IsValid(Over) ? Over : ReactionAbout.General;
        // Signed-in people have their details filled in.
        Name = User.FindFirstValue(ClaimTypes.Name);
        Email = User.FindFirstValue(ClaimTypes.Email);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        About = ReactionAbout.IsValid(About) ? About : ReactionAbout.General;
        try
        {
            var receipt = await mediator.Send(new SendReaction(About!, Name ?? "", Email ?? "", Organisation, Message ?? "", Consent, ShowName, Website),
                cancellationToken);
            Sent = true;
            Merged = receipt.Merged;
            return Page();
        }
        catch (ValidationException e)
        {
            Errors.AddRange(e.Errors.Select(x => (x.PropertyName, x.ErrorMessage)).Distinct());
        }
        catch (DomainProblemException e)
        {
            Errors.Add(("Message", e.Message));
            Response.StatusCode = e.StatusCode;
            return Page();
        }
        Response.StatusCode = 400;
        return Page();
    }

    public string? Invalid(string field) => Errors.Any(e => e.Field == field) ? "true" : null;
}
