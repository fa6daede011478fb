namespace Wijkengids.Community.Accounts;

public sealed record ListAccounts : IRequest<IReadOnlyList<AccountSummary>>;

internal sealed class ListAccountsHandler(IQuerySession session) : IRequestHandler<ListAccounts, IReadOnlyList<AccountSummary>>
{
    public async Task<IReadOnlyList<AccountSummary>> Handle(ListAccounts request, CancellationToken cancellationToken)
    {
        var accounts = await session.Query<AccountView>().Where(a => !a.Erased).OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
        return accounts.Select(AccountSummary.From).ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder accounts) =>
        accounts.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListAccounts(), ct)))
            .WithName("ListAccounts").WithSummary("Alle accounts (beheerder)");
}
