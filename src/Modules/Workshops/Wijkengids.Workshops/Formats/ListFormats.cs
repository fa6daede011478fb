using Wijkengids.Community.Contracts;

namespace Wijkengids.Workshops.Formats;

/// <summary>Every format, by title.</summary>
public sealed record ListFormats : IRequest<IReadOnlyList<FormatDetails>>;

internal sealed class ListFormatsHandler(IQuerySession session, ICommunityDirectory directory) : IRequestHandler<ListFormats, IReadOnlyList<FormatDetails>>
{
    public async Task<IReadOnlyList<FormatDetails>> Handle(ListFormats request, CancellationToken cancellationToken) =>
        await FormatSteps.DetailsAsync(directory, await session.Query<WorkshopFormat>().OrderBy(f => f.Title).ToListAsync(cancellationToken),
            cancellationToken);

    internal static void MapEndpoint(RouteGroupBuilder open) =>
        open.MapGet("/formats", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListFormats(), ct)))
            .WithName("ListWorkshopFormats").WithSummary("Alle werkateliers");
}
