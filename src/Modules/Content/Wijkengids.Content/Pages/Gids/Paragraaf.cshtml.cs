using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Items;
using Wijkengids.Content.Reading;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Content.Pages.Gids;

public sealed class ParagraafModel(IMediator mediator, IPublishedReactions reactions) : PublicPageModel
{
    public SectionPage? Section { get; private set; }

    /// <summary>The reactions editors published under it (from Contributions, docs/adr/0051), under every number it held.</summary>
    public IReadOnlyList<PublishedReaction> Reactions { get; private set; } = [];

    public Citation? Citation { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await TimeGateAsync(ItemKinds.Section, number, $"/gids/{number}", cancellationToken) is { } gate) return gate;
        try
        {
            Section = await mediator.Send(new GetSectionPage(number), cancellationToken);
        }
        catch (NotFoundException)
        {
            // An old number keeps working while no other section holds it (docs/adr/0107).
            if (await mediator.Send(new GetSectionMovedTo(number), cancellationToken) is { } moved) return RedirectPermanent(moved.Url);
            return NotFound();
        }
        Reactions = await ReactionsAsync(Section, cancellationToken);
        Citation = await mediator.Send(new GetCitation(Section.Section.Id), cancellationToken);
        Memento.AsOriginal(Response, $"/gids/{number}");
        return Page();
    }

    /// <summary>
    /// Reactions are sent about a number ("sectie:1.7"): this section's are those sent under each number while it held it (an
    /// earlier holder of a reused number keeps its own).
    /// </summary>
    private async Task<IReadOnlyList<PublishedReaction>> ReactionsAsync(SectionPage page, CancellationToken cancellationToken)
    {
        var holdings = page.Numbers is { Count: > 0 } numbers ? numbers : [new NumberHolding(page.Section.Number!, DateTimeOffset.MinValue, null)];
        var reused = page.HeldBefore is { Count: > 0 };
        var all = new List<PublishedReaction>();
        foreach (var holding in holdings)
        {
            var about = await reactions.AboutAsync($"sectie:{holding.Number}", cancellationToken);
            all.AddRange(about.Where(r => (holding.Until is null || r.ReceivedAt < holding.Until) &&
                                          (!(reused && holding.Until is null) || r.ReceivedAt >= holding.Since)));
        }
        return all.DistinctBy(r => r.Id).OrderBy(r => r.ReceivedAt).ToList();
    }
}
