using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Accounts;

/// <summary>An admin sets the roles of an account (granting and revoking what differs).</summary>
public sealed record AssignRoles(Guid AccountId, IReadOnlyList<string> Roles, long? ExpectedVersion, string? Reason) : IRequest<AccountSummary>;

/// <summary>An admin deactivates an account (it can no longer sign in) or activates it again.</summary>
public sealed record SetAccountActive(Guid AccountId, bool Active, long? ExpectedVersion, string? Reason) : IRequest<AccountSummary>;

internal sealed class AssignRolesValidator : AbstractValidator<AssignRoles>
{
    public AssignRolesValidator()
    {
        RuleFor(x => x.Roles).NotNull().WithMessage("Geef de rollen op (mag een lege lijst zijn).");
        RuleForEach(x => x.Roles).Must(r => SharedKernel.Roles.All.Contains(r))
            .WithMessage($"Onbekende rol. Kies uit: {string.Join(", ", SharedKernel.Roles.All)}.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class SetAccountActiveValidator : AbstractValidator<SetAccountActive>
{
    public SetAccountActiveValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().When(x => !x.Active).WithMessage("Geef een reden voor het deactiveren.")
            .MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class ChangeAccountHandler(IDocumentSession session, IRequestContext context)
    : IRequestHandler<AssignRoles, AccountSummary>, IRequestHandler<SetAccountActive, AccountSummary>
{
    public async Task<AccountSummary> Handle(AssignRoles request, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(request.AccountId, request.ExpectedVersion, cancellationToken);
        var wanted = request.Roles.Distinct().ToHashSet();
        if (account.Id.ToString() == context.Actor && account.Roles.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
        {
            throw new RuleViolationException("U kunt uw eigen beheerdersrol niet intrekken.");
        }
        var events = new List<object>();
        events.AddRange(wanted.Except(account.Roles).Order().Select(r => new AccountRoleGranted(account.Id, r)));
        events.AddRange(account.Roles.Except(wanted).Order().Select(r => new AccountRoleRevoked(account.Id, r)));
        if (events.Count == 0) return AccountSummary.From(account);

        account.Roles = [.. wanted.Order()];
        return await SaveAsync(account, events, request.Reason, cancellationToken);
    }

    public async Task<AccountSummary> Handle(SetAccountActive request, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(request.AccountId, request.ExpectedVersion, cancellationToken);
        if (account.Active == request.Active) return AccountSummary.From(account);
        if (!request.Active && account.Id.ToString() == context.Actor)
        {
            throw new RuleViolationException("U kunt uw eigen account niet deactiveren.");
        }
        account.Active = request.Active;
        object change = request.Active ? new AccountReactivated(account.Id) : new AccountDeactivated(account.Id);
        return await SaveAsync(account, [change], request.Reason, cancellationToken);
    }

    private async Task<AccountView> LoadAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<AccountView>(id, cancellationToken)
                      ?? throw new NotFoundException("Dit account bestaat niet.");
        if (expectedVersion is { } expected && expected != account.Version)
        {
            throw new ConflictException("Dit account is intussen gewijzigd. Laad het opnieuw en probeer het nog eens.");
        }
        return account;
    }

    private async Task<AccountSummary> SaveAsync(AccountView account, List<object> events, string? reason, CancellationToken cancellationToken)
    {
        session.Stamp(context, reason);
        // The expected version makes a concurrent change fail with a concurrency error (409) instead of overwriting.
        session.Events.Append(account.Id, account.Version + events.Count, events);
        account.Version += events.Count;
        session.Store(account);
        await session.SaveChangesAsync(cancellationToken);
        return AccountSummary.From(account);
    }

    internal static void MapEndpoints(RouteGroupBuilder accounts)
    {
        accounts.MapPut("/{id:guid}/roles", async (Guid id, RolesBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AssignRoles(id, body.Roles ?? [], body.ExpectedVersion, body.Reason), ct)))
            .WithName("AssignRoles").WithSummary("Rollen van een account instellen (beheerder)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        accounts.MapPost("/{id:guid}/deactivate", async (Guid id, ReasonBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetAccountActive(id, false, body.ExpectedVersion, body.Reason), ct)))
            .WithName("DeactivateAccount").WithSummary("Account deactiveren (beheerder)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        accounts.MapPost("/{id:guid}/activate", async (Guid id, ReasonBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetAccountActive(id, true, body.ExpectedVersion, body.Reason), ct)))
            .WithName("ActivateAccount").WithSummary("Account weer activeren (beheerder)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal sealed record RolesBody(IReadOnlyList<string>? Roles, long? ExpectedVersion, string? Reason);

    internal sealed record ReasonBody(string? Reason, long? ExpectedVersion);
}
