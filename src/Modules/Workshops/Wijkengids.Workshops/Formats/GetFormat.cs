using Wijkengids.Community.Contracts;

namespace Wijkengids.Workshops.Formats;

/// <summary>One format by its slug.</summary>
public sealed record GetFormat(string Slug) : IRequest<FormatDetails>;

internal sealed class GetFormatHandler(IQuerySession session, ICommunityDirectory directory) : IRequestHandler<GetFormat, FormatDetails>
{
    public async Task<FormatDetails> Handle(GetFormat request, CancellationToken cancellationToken)
    {
        var format = await session.Query<WorkshopFormat>().FirstOrDefaultAsync(f => f.Slug == request.Slug, cancellationToken)
                     ?? throw new NotFoundException(FormatSteps.NotFound);
        return (await FormatSteps.DetailsAsync(directory, [format], cancellationToken))[0];
    }

    internal static void MapEndpoint(RouteGroupBuilder open) =>
        open.MapGet("/formats/{slug}", async (string slug, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetFormat(slug), ct)))
            .WithName("GetWorkshopFormat").WithSummary("Eén werkatelier");
}
