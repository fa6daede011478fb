namespace Wijkengids.Community.Accounts;

public sealed record GetAccount(Guid Id) : IRequest<AccountSummary>;

internal sealed class GetAccountHandler(IQuerySession session) : IRequestHandler<GetAccount, AccountSummary>
{
    public async Task<AccountSummary> Handle(GetAccount request, CancellationToken cancellationToken) =>
        AccountSummary.From(await session.LoadAsync<AccountView>(request.Id, cancellationToken) ?? throw new NotFoundException(AccountSteps.NotFound));

    internal static void MapEndpoint(RouteGroupBuilder accounts) =>
        accounts.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetAccount(id), ct)))
            .WithName("GetAccount").WithSummary("Eén account (beheerder)");
}
