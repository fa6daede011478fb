using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Accounts;

/// <summary>An admin opens an account for someone, with the roles they need; the answer is the new account's id.</summary>
public sealed record OpenAccount(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, string? Reason = null)
    : ICommand<Guid>, IAnswersLostRace<Guid>
{
    /// <summary>Another request opened an account for the same address at the same moment.</summary>
    public Guid LostRace() => throw new ConflictException(AccountSteps.AddressTaken);
}

internal sealed class OpenAccountValidator : AbstractValidator<OpenAccount>
{
    public OpenAccountValidator()
    {
        RuleFor(x => x.Email).EmailAddressText();
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Vul een naam in.")
            .MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.Password).StrongPassword(x => x.Email);
        RuleFor(x => x.Roles).NotNull().WithMessage("Geef de rollen op (mag een lege lijst zijn).");
        RuleForEach(x => x.Roles).Must(r => SharedKernel.Roles.All.Contains(r))
            .WithMessage(r => $"Onbekende rol. Kies uit: {string.Join(", ", SharedKernel.Roles.All)}.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class OpenAccountHandler(AccountSteps steps) : IRequestHandler<OpenAccount, Guid>
{
    public async Task<Guid> Handle(OpenAccount request, CancellationToken cancellationToken)
    {
        var email = AccountEmail.Normalize(request.Email);
        if (await steps.ByEmailAsync(email, cancellationToken) is not null) throw new ConflictException(AccountSteps.AddressTaken);
        var account = await steps.OpenAsync(email, request.DisplayName, request.Password, request.Roles, request.Reason, registered: false,
            cancellationToken);
        return account.Id;
    }

    internal static void MapEndpoint(RouteGroupBuilder accounts) =>
        accounts.MapPost("/", async (OpenAccount command, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/community/accounts/{id}", await mediator.Send(new GetAccount(id), ct));
            })
            .WithName("OpenAccount")
            .WithSummary("Account aanmaken (beheerder)");
}
