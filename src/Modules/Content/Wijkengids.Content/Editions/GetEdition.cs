namespace Wijkengids.Content.Editions;

/// <summary>One edition as editors compose and publish it, by number.</summary>
public sealed record GetEdition(int Number) : IRequest<EditionView>;

internal sealed class GetEditionHandler(IQuerySession session) : IRequestHandler<GetEdition, EditionView>
{
    public async Task<EditionView> Handle(GetEdition request, CancellationToken cancellationToken) =>
        await session.LoadAsync<EditionView>(EditionView.StreamIdOf(request.Number), cancellationToken)
        ?? throw new NotFoundException($"Update {request.Number} bestaat niet.");
}
