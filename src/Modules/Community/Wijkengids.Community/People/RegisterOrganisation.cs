namespace Wijkengids.Community.People;

/// <summary>An editor adds an organisation (municipality, housing corporation, ministry, ...); the answer is its id.</summary>
public sealed record RegisterOrganisation(string Name, string Kind, string? Reason = null) : ICommand<Guid>, IOrganisationDetails;

internal sealed class RegisterOrganisationValidator : AbstractValidator<RegisterOrganisation>
{
    public RegisterOrganisationValidator() => Include(new OrganisationDetailsValidator());
}

internal sealed class RegisterOrganisationHandler(IDocumentSession session, IRequestContext context) : IRequestHandler<RegisterOrganisation, Guid>
{
    public async Task<Guid> Handle(RegisterOrganisation request, CancellationToken cancellationToken)
    {
        await OrganisationSteps.EnsureUniqueNameAsync(session, request.Name, null, cancellationToken);
        var id = Guid.NewGuid();
        session.Stamp(context, request.Reason);
        session.Events.StartStream<Organisation>(id, Organisation.Register(id, request.Name, request.Kind));
        return id;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisations) =>
        organisations.MapPost("/", async (RegisterOrganisation command, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/community/organisations/{id}", await mediator.Send(new GetOrganisation(id), ct));
            })
            .RequireAuthorization(Policies.Editors)
            .WithName("RegisterOrganisation").WithSummary("Organisatie toevoegen (redacteur)");
}
