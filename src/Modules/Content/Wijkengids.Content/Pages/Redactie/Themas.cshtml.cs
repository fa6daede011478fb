using Wijkengids.Platform.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Themes;

namespace Wijkengids.Content.Pages.Redactie;

/// <summary>Editors add themes, rename or describe them, and remove the ones no item uses.</summary>
public sealed class ThemasModel(IMediator mediator) : FormPageModel
{
    protected override bool NotFoundIsThe404Page => true;
    protected override string ChangedMeanwhile => "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen.";

    public IReadOnlyList<ThemeView> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Themes = await mediator.Send(new ListThemes(), cancellationToken);

    public Task<IActionResult> OnPostDefineAsync(string? name, string? description, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            var theme = await mediator.Send(new GetTheme(await mediator.Send(new DefineTheme(name ?? "", description), cancellationToken)), cancellationToken);
            return ($"Thema \u201c{theme.Name}\u201d toegevoegd.", "/redactie/themas");
        }, () => OnGetAsync(cancellationToken));

    public Task<IActionResult> OnPostChangeAsync(Guid id, long expectedVersion, string? name, string? description, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            await mediator.Send(new ChangeTheme(id, expectedVersion, name ?? "", description), cancellationToken);
            var theme = await mediator.Send(new GetTheme(id), cancellationToken);
            return ($"Thema \u201c{theme.Name}\u201d opgeslagen.", "/redactie/themas");
        }, () => OnGetAsync(cancellationToken));

    public Task<IActionResult> OnPostRemoveAsync(Guid id, long expectedVersion, string? reason, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            await mediator.Send(new RemoveTheme(id, expectedVersion, reason ?? ""), cancellationToken);
            return ("Thema verwijderd.", "/redactie/themas");
        }, () => OnGetAsync(cancellationToken));
}
