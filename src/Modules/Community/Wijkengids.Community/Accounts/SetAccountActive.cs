namespace Wijkengids.Community.Accounts;

/// <summary>An admin deactivates an account (it can no longer sign in) or activates it again.</summary>
public sealed record SetAccountActive(Guid AccountId, bool Active, long? ExpectedVersion, string? Reason) : ICommand<Unit>;

internal sealed class SetAccountActiveValidator : AbstractValidator<SetAccountActive>
{
    public SetAccountActiveValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().When(x => !x.Active).WithMessage("Geef een reden voor het deactiveren.")
            .MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class SetAccountActiveHandler(AccountSteps steps, IRequestContext context) : IRequestHandler<SetAccountActive, Unit>
{
    public async Task<Unit> Handle(SetAccountActive request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.AccountId, request.ExpectedVersion, request.Reason, cancellationToken);
        AccountSteps.Record(stream, stream.Aggregate!.SetActive(request.Active, bySelf: request.AccountId.ToString() == context.Actor));
        return Unit.Value;
    }

    internal static void MapEndpoints(RouteGroupBuilder accounts)
    {
        accounts.MapPost("/{id:guid}/deactivate", (Guid id, ReasonBody body, IMediator mediator, CancellationToken ct) =>
                ChangeAsync(mediator, new SetAccountActive(id, false, body.ExpectedVersion, body.Reason), ct))
            .WithName("DeactivateAccount").WithSummary("Account deactiveren (beheerder)");
        accounts.MapPost("/{id:guid}/activate", (Guid id, ReasonBody body, IMediator mediator, CancellationToken ct) =>
                ChangeAsync(mediator, new SetAccountActive(id, true, body.ExpectedVersion, body.Reason), ct))
            .WithName("ActivateAccount").WithSummary("Account weer activeren (beheerder)");
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<AccountSummary>> ChangeAsync(IMediator mediator, SetAccountActive command,
        CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Ok(await mediator.Send(new GetAccount(command.AccountId), cancellationToken));
    }

    internal sealed record ReasonBody(string? Reason, long? ExpectedVersion);
}
