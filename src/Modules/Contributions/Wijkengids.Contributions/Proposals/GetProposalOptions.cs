using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Proposals;

/// <summary>What a proposal can be about: the published lessons (with their current revision), sections and themes, and the kinds.</summary>
public sealed record ProposalOptions(IReadOnlyList<string> Kinds, IReadOnlyList<CatalogLesson> Lessons, IReadOnlyList<CatalogSection> Sections,
    IReadOnlyList<CatalogTheme> Themes, IReadOnlyList<string> SourceKinds);

internal static class GetProposalOptions
{
    internal static void MapEndpoint(RouteGroupBuilder contributors) =>
        contributors.MapGet("/proposals/options", async (IGuideCatalog catalog, CancellationToken ct) =>
                TypedResults.Ok(new ProposalOptions(ProposalKinds.All, await catalog.PublishedLessonsAsync(ct), await catalog.SectionsAsync(ct),
                    await catalog.ThemesAsync(ct), SourceKindNames.All)))
            .WithName("GetProposalOptions").WithSummary("Waarover een voorstel kan gaan: soorten, gepubliceerde lessen met revisie, paragrafen, thema's (bijdrager)");
}
