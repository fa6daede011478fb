namespace Wijkengids.Community.Accounts;

/// <summary>The answer of a self-service step; the same whatever the address, where it must not reveal whether it is known.</summary>
public sealed record SelfServiceAnswer(string Message);

internal static class PasswordRules
{
    /// <summary>12 to 200 characters and not refused by <see cref="Passwords.Refusal"/> (common, or made of the address or the site's name).</summary>
    public static IRuleBuilderOptions<T, string?> StrongPassword<T>(this IRuleBuilder<T, string?> rule, Func<T, string?>? email = null) =>
        rule.NotEmpty().WithMessage("Vul een wachtwoord in.")
            .MinimumLength(Passwords.MinimumLength).WithMessage($"Het wachtwoord moet minstens {Passwords.MinimumLength} tekens hebben.")
            .MaximumLength(Passwords.MaximumLength).WithMessage("Het wachtwoord is te lang.")
            .Must((x, password) => Passwords.Refusal(password, email?.Invoke(x)) is null)
            .WithMessage((x, password) => Passwords.Refusal(password, email?.Invoke(x)) ?? "");

    /// <summary>The address rule for commands that name the account, not the address (reset, change): checked once the account is loaded.</summary>
    public static void EnsureAllowed(string password, string email, string property)
    {
        if (Passwords.Refusal(password, email) is { } refusal) throw new ValidationException([new FluentValidation.Results.ValidationFailure(property, refusal)]);
    }
}
