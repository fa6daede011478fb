using Microsoft.Extensions.DependencyInjection;

namespace Wijkengids.Community.Accounts;

/// <summary>
/// <c>dotnet run --project src/Host -- admin create --email &lt;adres&gt; [--name &lt;naam&gt;] [--reset]</c>: makes an admin and prints
/// a single-use link (24 hours) to choose the password; mails it too when the site can send mail. Exit 0 done, 2 wrong
/// arguments, 3 refused (e.g. the address has an account and --reset was not given).
/// </summary>
internal sealed class AdminCommand : ICommandLineCommand
{
    /// <summary>Where the command writes (the console unless a test gives a writer).</summary>
    public TextWriter? Output { get; init; }

    public string Name => "admin";

    public string Description => "admin create --email <adres> [--name <naam>] [--reset]: maakt een beheerder en geeft een eenmalige link (24 uur) om het wachtwoord te kiezen.";

    public async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        var output = Output ?? Console.Out;
        var help = args.Contains("--help") || args.Contains("-h");
        if (help || Parse(args) is not { } request)
        {
            output.WriteLine($"Gebruik: {Description}");
            output.WriteLine("  --reset  het adres heeft al een account: maak het beheerder en weer actief; het huidige wachtwoord vervalt.");
            return help ? 0 : 2;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var invitation = await mediator.Send(request, cancellationToken);
            var account = await mediator.Send(new GetAccount(invitation.AccountId), cancellationToken);
            output.WriteLine(invitation.Created
                ? $"Beheerder {account.Email} ({account.DisplayName}) aangemaakt."
                : $"Account {account.Email} is nu beheerder en actief; het oude wachtwoord werkt niet meer.");
            output.WriteLine("Kies het wachtwoord met deze link (24 uur geldig, werkt één keer):");
            output.WriteLine($"  {invitation.Link}");
            output.WriteLine(invitation.Mailed
                ? $"De link is ook gemaild naar {account.Email}."
                : "Er is geen SMTP ingesteld (Smtp:Host): de link is niet gemaild. Geef hem zelf veilig door.");
            return 0;
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) output.WriteLine(error.ErrorMessage);
            return 2;
        }
        catch (DomainProblemException e)
        {
            output.WriteLine(e.Message);
            return 3;
        }
    }

    private static CreateAdmin? Parse(string[] args)
    {
        if (args is not ["create", .. var options]) return null;
        string? email = null, name = null;
        var reset = false;
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--email" when i + 1 < options.Length: email = options[++i]; break;
                case "--name" when i + 1 < options.Length: name = options[++i]; break;
                case "--reset": reset = true; break;
                default: return null;
            }
        }
        return email is null ? null : new CreateAdmin(email, name, reset);
    }
}
