namespace Wijkengids.Community.Areas;

/// <summary>An admin adds a regio, gemeente or wijk; a wijk lies in a gemeente, a gemeente may lie in a regio. The answer is its id.</summary>
public sealed record RegisterArea(string Name, string Level, Guid? ParentId, string? Reason = null) : ICommand<Guid>;

internal sealed class RegisterAreaValidator : AbstractValidator<RegisterArea>
{
    public RegisterAreaValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het gebied in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.Level).Must(l => AreaLevels.All.Contains(l)).WithMessage("Kies regio, gemeente of wijk.");
        RuleFor(x => x.ParentId).NotNull().When(x => x.Level == AreaLevels.Neighbourhood).WithMessage("Een wijk ligt in een gemeente: kies de gemeente.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class RegisterAreaHandler(IDocumentSession session, IRequestContext context) : IRequestHandler<RegisterArea, Guid>
{
    public async Task<Guid> Handle(RegisterArea request, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var registered = Area.Register(id, request.Name, request.Level, request.ParentId, await AreaSteps.AllAsync(session, cancellationToken));
        session.Stamp(context, request.Reason);
        session.Events.StartStream<Area>(id, registered);
        return id;
    }

    internal static void MapEndpoint(RouteGroupBuilder areas) =>
        areas.MapPost("/", async (RegisterArea command, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/community/areas/{id}", await mediator.Send(new GetArea(id), ct));
            })
            .RequireAuthorization(Policies.Admins)
            .WithName("RegisterArea").WithSummary("Gebied toevoegen (beheerder)");
}
