using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Contributions.Reactions;
using Wijkengids.Platform.Web;

namespace Wijkengids.Contributions.Pages;

[EnableRateLimiting(RateLimitPolicies.Forms)]
public sealed class ReagerenModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "over")] public string? Over { get; set; }
    [BindProperty] public string? About { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty(Name = "Message")] public string? Text { get; set; }
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public bool ShowName { get; set; } = true;
    [BindProperty] public string? Website { get; set; }

    public bool Sent { get; private set; }
    public bool Merged { get; private set; }
    public override string ErrorTitle => "Uw reactie is nog niet verstuurd";

    public void OnGet()
    {
        About = ReactionAbout.IsValid(Over) ? Over : ReactionAbout.General;
        // Signed-in people have their details filled in.
        Name = User.FindFirstValue(ClaimTypes.Name);
        Email = User.FindFirstValue(ClaimTypes.Email);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        About = ReactionAbout.IsValid(About) ? About : ReactionAbout.General;
        return Attempt(async () =>
        {
            var receipt = await mediator.Send(new SendReaction(About!, Name ?? "", Email ?? "", Organisation, Text ?? "", Consent, ShowName, Website),
                cancellationToken);
            (Sent, Merged) = (true, receipt.Merged);
            return "";
        }, cancellationToken, () =>
        {
            Message = null;
            return Page();
        });
    }
}
