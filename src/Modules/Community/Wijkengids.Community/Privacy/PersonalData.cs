using System.Security.Claims;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Contracts;
using Wijkengids.Community.Mail;
using Wijkengids.Community.People;
using Wijkengids.Community.Shared;
using Wijkengids.Community.Subscriptions;
using Wijkengids.SharedKernel;
using Wolverine.Marten;

namespace Wijkengids.Community.Privacy;

/// <summary>AVG access: everything the platform holds about the account, from every module's <see cref="IPersonalDataSource"/>.</summary>
public sealed record ExportPersonalData(Guid AccountId) : IRequest<PersonalDataExport>;

public sealed record PersonalDataExport(Guid Subject, DateTimeOffset ExportedAt, IReadOnlyList<PersonalDataSection> Sections);

/// <summary>
/// AVG erasure of an account holder (by themselves, or by an admin with a reason) or of a listed person (admin). The
/// key is deleted, Community's read models are masked, and <see cref="ErasureRequested"/> tells every other module.
/// </summary>
public sealed record ErasePersonalData(Guid SubjectId, string? Reason) : IRequest<ErasureResult>;

public sealed record ErasureResult(Guid SubjectId, string Kind, DateTimeOffset ErasedAt);

internal sealed class ErasePersonalDataValidator : AbstractValidator<ErasePersonalData>
{
    public ErasePersonalDataValidator() =>
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
}

internal sealed class PersonalDataHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    IEnumerable<IPersonalDataSource> sources,
    TimeProvider clock) : IRequestHandler<ExportPersonalData, PersonalDataExport>, IRequestHandler<ErasePersonalData, ErasureResult>
{
    public const string ErasedName = "Gewiste gebruiker";

    public async Task<PersonalDataExport> Handle(ExportPersonalData request, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<AccountView>(request.AccountId, cancellationToken);
        if (account is null || account.Erased) throw new NotFoundException("Van dit account zijn geen gegevens (meer).");
        var subject = new PersonalDataSubject(account.Id, account.Email);
        var sections = new List<PersonalDataSection>();
        foreach (var source in sources) sections.Add(await source.ExportAsync(subject, cancellationToken));
        return new PersonalDataExport(account.Id, clock.GetUtcNow(), sections.OrderBy(s => s.Module).ToList());
    }

    public async Task<ErasureResult> Handle(ErasePersonalData request, CancellationToken cancellationToken)
    {
        var self = request.SubjectId.ToString() == context.Actor;
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? (self ? "op eigen verzoek" : null) : request.Reason.Trim();
        if (reason is null) throw new RuleViolationException("Geef de reden waarom u deze gegevens wist.");
        var now = clock.GetUtcNow();

        string kind;
        string? email = null;
        if (await session.LoadAsync<AccountView>(request.SubjectId, cancellationToken) is { } account)
        {
            email = account.Email;
            if (account.Erased) return new ErasureResult(account.Id, "account", now);
            if (!self && account.Roles.Contains(Roles.Admin) && account.Id.ToString() == context.Actor)
            {
                throw new RuleViolationException("U kunt uw eigen beheerdersaccount niet zo wissen.");
            }
            await EraseSubscriptionsAsync(account.Email, reason, cancellationToken);
            MaskMails(account.Email);
            await vault.EraseAsync(account.Id, context.Actor, cancellationToken);
            account.Email = $"gewist-{account.Id:N}@gewist.invalid";
            account.DisplayName = ErasedName;
            account.PasswordHash = "";
            account.Roles = [];
            account.Active = false;
            account.Erased = true;
            session.AppendWithView(context, reason, account, [new AccountErased(account.Id)]);
            kind = "account";
        }
        else if (await session.LoadAsync<PersonView>(request.SubjectId, cancellationToken) is { } person)
        {
            if (self) throw new ForbiddenException("Alleen een beheerder kan een vermelde persoon wissen.");
            if (person.Erased) return new ErasureResult(person.Id, "persoon", now);
            await vault.EraseAsync(person.Id, context.Actor, cancellationToken);
            (person.Name, person.Affiliation, person.Bio, person.OrganisationId, person.Erased) = ("", null, null, null, true);
            person.Roles = [];
            session.AppendWithView(context, reason, person, [new PersonErased(person.Id)]);
            kind = "persoon";
        }
        else
        {
            throw new NotFoundException("Er is geen account of persoon met dit id.");
        }

        await outbox.EnrollWith(session, context).PublishAsync(new ErasureRequested(request.SubjectId, context.Actor, reason, now, email));
        await session.SaveChangesAsync(cancellationToken);
        return new ErasureResult(request.SubjectId, kind, now);
    }

    private async Task EraseSubscriptionsAsync(string email, string reason, CancellationToken cancellationToken)
    {
        foreach (var subscription in await session.Query<SubscriptionView>().Where(s => s.Email == email).ToListAsync(cancellationToken))
        {
            await vault.EraseAsync(subscription.Id, context.Actor, cancellationToken);
            subscription.Email = $"gewist-{subscription.Id:N}@gewist.invalid";
            subscription.Themes = [];
            subscription.Status = SubscriptionStatus.Erased;
            session.AppendWithView(context, reason, subscription, [new SubscriptionErased(subscription.Id)]);
        }
    }

    /// <summary>Mails to the address (delivered or not) hold it in clear: they go, and nothing more is sent.</summary>
    private void MaskMails(string email)
    {
        session.DeleteWhere<MailDelivery>(d => d.To == email);
        session.DeleteWhere<DevMail>(m => m.To == email);
    }

    internal static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/community/me").WithTags("Community").RequireAuthorization();
        me.MapGet("/personal-data", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ExportPersonalData(AccountIdOf(user)), ct)))
            .WithName("ExportMyPersonalData").WithSummary("Alles wat het platform over mij bewaart, uit elke module (AVG inzage)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPost("/erase", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ErasePersonalData(AccountIdOf(user), null), ct)))
            .WithName("EraseMyPersonalData").WithSummary("Mijn persoonsgegevens wissen (AVG); het account vervalt");
        endpoints.MapPost("/api/community/erasures", async (ErasureBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ErasePersonalData(body.SubjectId, body.Reason), ct)))
            .WithTags("Community").RequireAuthorization(Policies.Admins)
            .WithName("ErasePersonalData").WithSummary("Persoonsgegevens van een account of vermelde persoon wissen, met reden (beheerder)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    internal static Guid AccountIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : throw new ForbiddenException("Log in om uw gegevens te zien.");

    internal sealed record ErasureBody(Guid SubjectId, string? Reason);
}
