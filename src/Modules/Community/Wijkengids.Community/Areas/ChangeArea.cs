namespace Wijkengids.Community.Areas;

/// <summary>An admin renames an area or moves it under another parent of the right level.</summary>
public sealed record ChangeArea(Guid AreaId, string Name, Guid? ParentId, long? ExpectedVersion, string? Reason) : ICommand<Unit>;

internal sealed class ChangeAreaValidator : AbstractValidator<ChangeArea>
{
    public ChangeAreaValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het gebied in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class ChangeAreaHandler(IDocumentSession session, IRequestContext context) : IRequestHandler<ChangeArea, Unit>
{
    public async Task<Unit> Handle(ChangeArea request, CancellationToken cancellationToken)
    {
        session.Stamp(context, request.Reason);
        var stream = await session.FetchForChangeAsync<Area>(request.AreaId, request.ExpectedVersion, "Dit gebied bestaat niet.",
            "Dit gebied is intussen gewijzigd. Laad de gegevens opnieuw en probeer het nog eens.", cancellationToken);
        var changed = stream.Aggregate!.Change(request.Name, request.ParentId, await AreaSteps.AllAsync(session, cancellationToken));
        if (changed is not null) stream.AppendOne(changed);
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder areas) =>
        areas.MapPut("/{id:guid}", async (Guid id, AreaBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeArea(id, body.Name ?? "", body.ParentId, body.ExpectedVersion, body.Reason), ct);
                return TypedResults.Ok(await mediator.Send(new GetArea(id), ct));
            })
            .RequireAuthorization(Policies.Admins)
            .WithName("ChangeArea").WithSummary("Gebied hernoemen of verplaatsen (beheerder)");

    internal sealed record AreaBody(string? Name, Guid? ParentId, long? ExpectedVersion, string? Reason);
}
