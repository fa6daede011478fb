namespace Wijkengids.Community.Accounts;

/// <summary>An admin sets the roles of an account (granting and revoking what differs).</summary>
public sealed record AssignRoles(Guid AccountId, IReadOnlyList<string> Roles, long? ExpectedVersion, string? Reason) : ICommand<Unit>;

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

internal sealed class AssignRolesHandler(AccountSteps steps, IRequestContext context) : IRequestHandler<AssignRoles, Unit>
{
    public async Task<Unit> Handle(AssignRoles request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.AccountId, request.ExpectedVersion, request.Reason, cancellationToken);
        AccountSteps.Record(stream, stream.Aggregate!.AssignRoles(request.Roles, bySelf: request.AccountId.ToString() == context.Actor));
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder accounts) =>
        accounts.MapPut("/{id:guid}/roles", async (Guid id, RolesBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new AssignRoles(id, body.Roles ?? [], body.ExpectedVersion, body.Reason), ct);
                return TypedResults.Ok(await mediator.Send(new GetAccount(id), ct));
            })
            .WithName("AssignRoles").WithSummary("Rollen van een account instellen (beheerder)");

    internal sealed record RolesBody(IReadOnlyList<string>? Roles, long? ExpectedVersion, string? Reason);
}
