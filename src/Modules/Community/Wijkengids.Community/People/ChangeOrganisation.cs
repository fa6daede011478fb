namespace Wijkengids.Community.People;

/// <summary>An editor renames an organisation or changes its kind.</summary>
public sealed record ChangeOrganisation(Guid OrganisationId, string Name, string Kind, long? ExpectedVersion, string? Reason)
    : ICommand<Unit>, IOrganisationDetails;

internal sealed class ChangeOrganisationValidator : AbstractValidator<ChangeOrganisation>
{
    public ChangeOrganisationValidator() => Include(new OrganisationDetailsValidator());
}

internal sealed class ChangeOrganisationHandler(IDocumentSession session, IRequestContext context) : IRequestHandler<ChangeOrganisation, Unit>
{
    public async Task<Unit> Handle(ChangeOrganisation request, CancellationToken cancellationToken)
    {
        session.Stamp(context, request.Reason);
        var stream = await session.FetchForChangeAsync<Organisation>(request.OrganisationId, request.ExpectedVersion, "Deze organisatie bestaat niet.",
            "Deze organisatie is intussen gewijzigd. Laad de gegevens opnieuw en probeer het nog eens.", cancellationToken);
        if (stream.Aggregate!.Change(request.Name, request.Kind) is not { } changed) return Unit.Value;
        await OrganisationSteps.EnsureUniqueNameAsync(session, changed.Name, changed.OrganisationId, cancellationToken);
        stream.AppendOne(changed);
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisations) =>
        organisations.MapPut("/{id:guid}", async (Guid id, OrganisationBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeOrganisation(id, body.Name ?? "", body.Kind ?? "", body.ExpectedVersion, body.Reason), ct);
                return TypedResults.Ok(await mediator.Send(new GetOrganisation(id), ct));
            })
            .RequireAuthorization(Policies.Editors)
            .WithName("ChangeOrganisation").WithSummary("Organisatie wijzigen (redacteur)");

    internal sealed record OrganisationBody(string? Name, string? Kind, long? ExpectedVersion, string? Reason);
}
