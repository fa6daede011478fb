using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;
using Wolverine.Marten;
using Contract = Wijkengids.Community.Contracts;

namespace Wijkengids.Community.Accounts;

/// <summary>An admin opens an account for someone, with the roles they need.</summary>
public sealed record OpenAccount(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, string? Reason = null)
    : IRequest<AccountSummary>;

internal sealed class OpenAccountValidator : AbstractValidator<OpenAccount>
{
    public OpenAccountValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Vul een e-mailadres in.")
            .MaximumLength(254).WithMessage("Het e-mailadres is te lang.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in.");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Vul een naam in.")
            .MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.Password).StrongPassword(x => x.Email);
        RuleFor(x => x.Roles).NotNull().WithMessage("Geef de rollen op (mag een lege lijst zijn).");
        RuleForEach(x => x.Roles).Must(r => SharedKernel.Roles.All.Contains(r))
            .WithMessage(r => $"Onbekende rol. Kies uit: {string.Join(", ", SharedKernel.Roles.All)}.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class OpenAccountHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    TimeProvider clock) : IRequestHandler<OpenAccount, AccountSummary>
{
    public async Task<AccountSummary> Handle(OpenAccount request, CancellationToken cancellationToken)
    {
        var email = AccountEmail.Normalize(request.Email);
        if (await session.Query<AccountView>().AnyAsync(a => a.Email == email, cancellationToken))
        {
            throw new ConflictException("Er bestaat al een account met dit e-mailadres.");
        }
        var view = await StageAsync(session, outbox, context, vault, clock, email, request.DisplayName, request.Password, request.Roles,
            request.Reason, cancellationToken);
        await AccountEmail.SaveGuardingUniqueness(session, cancellationToken);
        return AccountSummary.From(view);
    }

    /// <summary>Stages a new account's events, its view and the contract message in the session (the caller saves).</summary>
    internal static async Task<AccountView> StageAsync(IDocumentSession session, IMartenOutbox outbox, IRequestContext context,
        IPersonalDataVault vault, TimeProvider clock, string email, string displayName, string password, IEnumerable<string> requestedRoles,
        string? reason, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var roles = requestedRoles.Distinct().Order().ToArray();
        var name = displayName.Trim();
        var now = clock.GetUtcNow();

        session.Stamp(context, reason);
        session.Events.StartStream<AccountView>(id,
            new AccountOpened(id, await vault.SealAsync(id, email, cancellationToken), await vault.SealAsync(id, name, cancellationToken), roles),
            new AccountPasswordSet(id));
        var view = new AccountView
        {
            Id = id,
            Email = email,
            DisplayName = name,
            Roles = [.. roles],
            OpenedAt = now,
            Version = 2,
        };
        view.PasswordHash = Passwords.Hash(view, password);
        session.Insert(view);

        await outbox.EnrollWith(session, context).PublishAsync(new Contract.AccountOpened(id, name, roles, now));
        return view;
    }

    internal static string HashPassword(AccountView account, string password) => Passwords.Hash(account, password);

    internal static bool Verify(AccountView account, string password) => Passwords.Verify(account, password);

    internal static void MapEndpoint(RouteGroupBuilder accounts) =>
        accounts.MapPost("/", async (OpenAccount command, IMediator mediator, CancellationToken ct) =>
            {
                var account = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/community/accounts/{account.Id}", account);
            })
            .WithName("OpenAccount")
            .WithSummary("Account aanmaken (beheerder)")
            .ProducesProblem(StatusCodes.Status409Conflict);
}

internal static class AccountEmail
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Saves; a race on the unique e-mail index becomes a 409, not a 500.</summary>
    public static async Task SaveGuardingUniqueness(IDocumentSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" } || e is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ConflictException("Er bestaat al een account met dit e-mailadres.");
        }
    }
}
