using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Accounts;

public sealed record ListAccounts : IRequest<IReadOnlyList<AccountSummary>>;

public sealed record GetAccount(Guid Id) : IRequest<AccountSummary>;

internal sealed class ListAccountsHandler(IQuerySession session)
    : IRequestHandler<ListAccounts, IReadOnlyList<AccountSummary>>, IRequestHandler<GetAccount, AccountSummary>
{
    public async Task<IReadOnlyList<AccountSummary>> Handle(ListAccounts request, CancellationToken cancellationToken)
    {
        var accounts = await session.Query<AccountView>().Where(a => !a.Erased).OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
        return accounts.Select(AccountSummary.From).ToList();
    }

    public async Task<AccountSummary> Handle(GetAccount request, CancellationToken cancellationToken) =>
        AccountSummary.From(await session.LoadAsync<AccountView>(request.Id, cancellationToken)
                            ?? throw new NotFoundException("Dit account bestaat niet."));

    internal static void MapEndpoints(RouteGroupBuilder accounts)
    {
        accounts.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListAccounts(), ct)))
            .WithName("ListAccounts").WithSummary("Alle accounts (beheerder)");
        accounts.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetAccount(id), ct)))
            .WithName("GetAccount").WithSummary("Eén account (beheerder)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
