using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Community.Shared;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.People;

/// <summary>An editor adds an organisation (municipality, housing corporation, ministry, ...).</summary>
public sealed record RegisterOrganisation(string Name, string Kind, string? Reason = null) : IRequest<OrganisationSummary>, IOrganisationDetails;

public sealed record ChangeOrganisation(Guid OrganisationId, string Name, string Kind, long? ExpectedVersion, string? Reason)
    : IRequest<OrganisationSummary>, IOrganisationDetails;

public interface IOrganisationDetails
{
    string Name { get; }
    string Kind { get; }
    string? Reason { get; }
}

internal sealed class OrganisationDetailsValidator : AbstractValidator<IOrganisationDetails>
{
    public OrganisationDetailsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van de organisatie in.")
            .MaximumLength(150).WithMessage("De naam mag hoogstens 150 tekens hebben.");
        RuleFor(x => x.Kind).Must(k => OrganisationKinds.All.Contains(k))
            .WithMessage($"Kies een soort organisatie: {string.Join(", ", OrganisationKinds.All)}.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class RegisterOrganisationValidator : AbstractValidator<RegisterOrganisation>
{
    public RegisterOrganisationValidator() => Include(new OrganisationDetailsValidator());
}

internal sealed class ChangeOrganisationValidator : AbstractValidator<ChangeOrganisation>
{
    public ChangeOrganisationValidator() => Include(new OrganisationDetailsValidator());
}

internal sealed class ManageOrganisationsHandler(IDocumentSession session, IRequestContext context)
    : IRequestHandler<RegisterOrganisation, OrganisationSummary>, IRequestHandler<ChangeOrganisation, OrganisationSummary>
{
    public async Task<OrganisationSummary> Handle(RegisterOrganisation request, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        await EnsureUniqueNameAsync(name, null, cancellationToken);
        var view = new OrganisationView { Id = Guid.NewGuid(), Name = name, Kind = request.Kind };
        session.StartWithView(context, request.Reason, view, [new OrganisationRegistered(view.Id, name, request.Kind)]);
        await session.SaveChangesAsync(cancellationToken);
        return new OrganisationSummary(view.Id, view.Name, view.Kind, view.Version, []);
    }

    public async Task<OrganisationSummary> Handle(ChangeOrganisation request, CancellationToken cancellationToken)
    {
        var view = await session.LoadForChangeAsync<OrganisationView>(request.OrganisationId, request.ExpectedVersion,
            "Deze organisatie bestaat niet.", "Deze organisatie is intussen gewijzigd. Laad de gegevens opnieuw en probeer het nog eens.",
            cancellationToken);
        var name = request.Name.Trim();
        if (view.Name != name || view.Kind != request.Kind)
        {
            await EnsureUniqueNameAsync(name, view.Id, cancellationToken);
            view.Name = name;
            view.Kind = request.Kind;
            session.AppendWithView(context, request.Reason, view, [new OrganisationChanged(view.Id, name, request.Kind)]);
            await session.SaveChangesAsync(cancellationToken);
        }
        var people = await session.Query<PersonView>().Where(p => p.OrganisationId == view.Id && !p.Erased).Select(p => p.Name)
            .ToListAsync(cancellationToken);
        return new OrganisationSummary(view.Id, view.Name, view.Kind, view.Version, people.ToList());
    }

    private async Task EnsureUniqueNameAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        var lower = name.ToLowerInvariant();
        var all = await session.Query<OrganisationView>().ToListAsync(cancellationToken);
        if (all.Any(o => o.Id != except && o.Name.ToLowerInvariant() == lower))
        {
            throw new ConflictException("Er bestaat al een organisatie met deze naam.");
        }
    }

    internal static void MapEndpoints(RouteGroupBuilder organisations)
    {
        organisations.MapPost("/", async (RegisterOrganisation command, IMediator mediator, CancellationToken ct) =>
            {
                var organisation = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/community/organisations/{organisation.Id}", organisation);
            })
            .RequireAuthorization(Policies.Editors)
            .WithName("RegisterOrganisation").WithSummary("Organisatie toevoegen (redacteur)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        organisations.MapPut("/{id:guid}", async (Guid id, OrganisationBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeOrganisation(id, body.Name ?? "", body.Kind ?? "", body.ExpectedVersion, body.Reason), ct)))
            .RequireAuthorization(Policies.Editors)
            .WithName("ChangeOrganisation").WithSummary("Organisatie wijzigen (redacteur)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal sealed record OrganisationBody(string? Name, string? Kind, long? ExpectedVersion, string? Reason);
}
