using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Community.Subscriptions;
using Wijkengids.Content.Contracts;
using Wijkengids.Platform;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Aanmelden;

/// <summary>Subscribing: the address and the choices, with the themes and chapters that exist in the guide as checkboxes.</summary>
[EnableRateLimiting(RateLimitPolicies.Forms)]
public sealed class IndexModel(IMediator mediator, IGuideCatalog catalog) : FormPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public List<string> Themes { get; set; } = [];
    [BindProperty] public List<string> Chapters { get; set; } = [];
    [BindProperty] public bool MajorOnly { get; set; }
    [BindProperty] public string? Frequency { get; set; } = SubscriptionFrequency.EachUpdate.Wire();

    public IReadOnlyList<CatalogTheme> ThemeChoices { get; private set; } = [];
    public IReadOnlyList<CatalogChapter> ChapterChoices { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        ThemeChoices = await catalog.ThemesAsync(cancellationToken);
        ChapterChoices = await catalog.ChaptersAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Complete(async () => (await mediator.Send(new Subscribe(Email ?? "", Themes, Chapters, MajorOnly, Frequency), cancellationToken)).Message,
            cancellationToken);
}
