using Wijkengids.Community.Privacy;
using Wijkengids.Community.SignIn;

namespace Wijkengids.Community.Accounts;

/// <summary>The signed-in person changes their display name and/or password (the current password is needed for a new one).</summary>
public sealed record ChangeProfile(Guid AccountId, string DisplayName, string? CurrentPassword, string? NewPassword) : ICommand<Unit>;

internal sealed class ChangeProfileValidator : AbstractValidator<ChangeProfile>
{
    public ChangeProfileValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Vul een naam in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.NewPassword).StrongPassword().When(x => !string.IsNullOrEmpty(x.NewPassword));
        RuleFor(x => x.CurrentPassword).NotEmpty().When(x => !string.IsNullOrEmpty(x.NewPassword))
            .WithMessage("Vul uw huidige wachtwoord in om een nieuw te kiezen.");
    }
}

internal sealed class ChangeProfileHandler(AccountSteps steps) : IRequestHandler<ChangeProfile, Unit>
{
    public async Task<Unit> Handle(ChangeProfile request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.AccountId, null, null, cancellationToken, erasedToo: false);
        var account = await steps.ViewAsync(request.AccountId, cancellationToken) ?? throw new NotFoundException(AccountSteps.Gone);
        var name = request.DisplayName.Trim();
        if (name != account.DisplayName)
        {
            AccountSteps.Record(stream, stream.Aggregate!.Rename(await steps.SealAsync(account.Id, name, cancellationToken)));
        }
        if (!string.IsNullOrEmpty(request.NewPassword))
        {
            if (!Passwords.Verify(account, request.CurrentPassword ?? "")) throw new RuleViolationException("Uw huidige wachtwoord klopt niet.");
            PasswordRules.EnsureAllowed(request.NewPassword, account.Email, nameof(request.NewPassword));
            var hash = await steps.SealAsync(account.Id, Passwords.Hash(account, request.NewPassword), cancellationToken);
            // Every session ends; the endpoint or page that made the change starts a new one for this person (docs/adr/0076).
            AccountSteps.Record(stream, stream.Aggregate!.ChangePassword(hash));
        }
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder community) =>
        community.MapPut("/me/profile", async (ProfileBody body, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var account = SignedInAccount.IdOf(http.User);
                await mediator.Send(new ChangeProfile(account, body.DisplayName ?? "", body.CurrentPassword, body.NewPassword), ct);
                if (!string.IsNullOrEmpty(body.NewPassword)) await SignInSessions.RenewAsync(http, mediator, account, ct);
                return TypedResults.Ok(await mediator.Send(new GetAccount(account), ct));
            })
            .RequireAuthorization()
            .WithName("ChangeMyProfile").WithSummary("Eigen naam en/of wachtwoord wijzigen");

    internal sealed record ProfileBody(string? DisplayName, string? CurrentPassword, string? NewPassword);
}
