using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;
using MimeKit.Text;

namespace Cpro.Etablissements.Courriels;

/// <summary>Delivers one email; returns where it went, throws when it could not (its message is recorded on the email).</summary>
internal interface ITransportCourriel
{
    Task<string> EnvoyerAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>The email as every transport sends it: UTF-8, the subject encoded as RFC 2047 words, the body plain text kept
/// as it is (8bit) so that the mail folder's files read as they are.</summary>
internal static class MessageCourriel
{
    public static MimeMessage Creer(MailboxAddress expediteur, string destinataire, string objet, string corps, DateTimeOffset date)
    {
        var texte = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.EightBit };
        texte.SetText(Encoding.UTF8, corps);
        var message = new MimeMessage { Subject = objet, Date = date, Body = texte };
        message.From.Add(expediteur);
        message.To.Add(MailboxAddress.TryParse(destinataire, out var adresse)
            ? adresse
            : throw new FormatException($"Adresse du destinataire « {destinataire} » invalide."));
        return message;
    }
}

/// <summary>CPRO_SMTP, read once at start: smtp://[utilisateur:mot de passe@]hôte[:port] (STARTTLS required, port 587),
/// smtps://… (TLS from the first byte, port 465), or smtp://hôte[:port]?tls=non for a local relay without TLS (port 25).</summary>
internal sealed record ServeurSmtp(string Hote, int Port, SecureSocketOptions Securite, NetworkCredential? Identifiants, TimeSpan Delai)
{
    public string Adresse => $"{Hote}:{Port}";

    public static ServeurSmtp Lire(string adresse, TimeSpan delai)
    {
        if (!Uri.TryCreate(adresse, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps") || uri.Host.Length == 0
            || uri.AbsolutePath != "/" || uri.Fragment.Length > 0)
        {
            throw Malformee(adresse, "attendu smtp://[utilisateur:mot de passe@]hôte[:port] (STARTTLS) ou smtps://… (TLS implicite)");
        }
        var securite = (uri.Scheme, uri.Query) switch
        {
            ("smtp", "") => SecureSocketOptions.StartTls,
            ("smtps", "") => SecureSocketOptions.SslOnConnect,
            ("smtp", "?tls=non") => SecureSocketOptions.None,
            _ => throw Malformee(adresse, "seul ?tls=non est compris, après smtp://, pour un relais local sans chiffrement"),
        };
        NetworkCredential? identifiants = null;
        if (uri.UserInfo.Length > 0)
        {
            identifiants = uri.UserInfo.Split(':', 2) is [{ Length: > 0 } utilisateur, var motDePasse]
                ? new NetworkCredential(Uri.UnescapeDataString(utilisateur), Uri.UnescapeDataString(motDePasse))
                : throw Malformee(adresse, "l'utilisateur s'écrit avec son mot de passe, utilisateur:mot de passe@hôte");
        }
        var port = uri.IsDefaultPort
            ? securite switch { SecureSocketOptions.StartTls => 587, SecureSocketOptions.SslOnConnect => 465, _ => 25 }
            : uri.Port;
        return new ServeurSmtp(uri.DnsSafeHost, port, securite, identifiants, delai);
    }

    private static InvalidOperationException Malformee(string adresse, string raison) => new($"CPRO_SMTP « {Masquer(adresse)} » : {raison}.");

    /// <summary>The address as told back in the logs, without its user and password.</summary>
    private static string Masquer(string adresse)
    {
        var arobase = adresse.LastIndexOf('@');
        if (arobase < 0)
        {
            return adresse;
        }
        var schema = adresse.IndexOf("://", StringComparison.Ordinal);
        return (schema >= 0 && schema < arobase ? adresse[..(schema + 3)] : "") + "***" + adresse[arobase..];
    }
}

/// <summary>Sends through the SMTP server with MailKit: the certificate is validated as the system does, and connecting
/// and every exchange are limited to the server's delay. Failures are told in French, MailKit's reason kept.</summary>
internal sealed class TransportSmtp(ServeurSmtp serveur) : ITransportCourriel
{
    public async Task<string> EnvoyerAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)serveur.Delai.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(serveur.Hote, serveur.Port, serveur.Securite, cancellationToken);
            if (serveur.Identifiants is { } identifiants)
            {
                await client.AuthenticateAsync(identifiants, cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (Expliquer(e) is { } raison)
        {
            throw new EchecSmtpException(raison, e);
        }
        try
        {
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The server has accepted the email: a failed goodbye must not have it sent again.
        }
        return "SMTP";
    }

    /// <summary>Null for what is not the server's doing (cancellation, a bug): it goes up as it is.</summary>
    private string? Expliquer(Exception e) => e switch
    {
        OperationCanceledException => null,
        _ when Cause<TimeoutException>(e) is { } delai =>
            $"Délai dépassé : le serveur SMTP {serveur.Adresse} n'a pas répondu en {serveur.Delai.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({delai.Message}).",
        SslHandshakeException { ServerCertificate: not null } => $"Certificat du serveur SMTP refusé ({serveur.Adresse}) : {UneLigne(e.Message)}",
        SslHandshakeException => $"Échec de la négociation TLS avec le serveur SMTP {serveur.Adresse} : {UneLigne(e.Message)}",
        NotSupportedException => $"Le serveur SMTP {serveur.Adresse} ne permet pas ce que demande CPRO_SMTP (STARTTLS, authentification) : {e.Message}",
        AuthenticationException => $"Identifiants refusés par le serveur SMTP {serveur.Adresse} : {e.Message}",
        ServiceNotAuthenticatedException => $"Le serveur SMTP {serveur.Adresse} demande des identifiants (utilisateur:mot de passe@ dans CPRO_SMTP) : {e.Message}",
        SmtpCommandException refus => $"Refus du serveur SMTP {serveur.Adresse} ({(int)refus.StatusCode}) : {e.Message}",
        SmtpProtocolException or IOException or SocketException => $"Serveur SMTP {serveur.Adresse} injoignable ou échange interrompu : {e.Message}",
        _ => null,
    };

    private static T? Cause<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T cause)
            {
                return cause;
            }
        }
        return null;
    }

    /// <summary>MailKit explains a TLS failure over several lines; the email's state shows one.</summary>
    private static string UneLigne(string texte) =>
        string.Join(' ', texte.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>A sending that failed, told in French; the cause is MailKit's.</summary>
internal sealed class EchecSmtpException(string message, Exception cause) : Exception(message, cause);

/// <summary>Without SMTP, each email is a file under the mail folder (CPRO_MAIL_DIR, .data/mail by default),
/// which the administrator reads in the portal.</summary>
internal sealed class TransportFichier(string dossier) : ITransportCourriel
{
    /// <summary>CRLF line ends, as on the wire, whatever the system.</summary>
    private static readonly FormatOptions Format = new() { NewLineFormat = NewLineFormat.Dos };

    public async Task<string> EnvoyerAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dossier);
        var chemin = Path.Combine(dossier, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        // Written aside, then renamed: whoever reads the folder never meets half an email.
        var enCours = chemin + ".tmp";
        await message.WriteToAsync(Format, enCours, cancellationToken);
        File.Move(enCours, chemin);
        return chemin;
    }
}

internal static class ConfigurationCourriels
{
    /// <summary>Read at start, so that a malformed setting stops the host instead of failing every email.</summary>
    public static ITransportCourriel Transport(IConfiguration configuration) =>
        configuration["CPRO_SMTP"] is { Length: > 0 } smtp
            ? new TransportSmtp(ServeurSmtp.Lire(smtp, Delai(configuration)))
            : new TransportFichier(Path.GetFullPath(configuration["CPRO_MAIL_DIR"] is { Length: > 0 } dossier ? dossier : Path.Combine(".data", "mail")));

    /// <summary>CPRO_SMTP_DELAI_S: how long connecting, and each exchange after it, may take (30 s by default).</summary>
    private static TimeSpan Delai(IConfiguration configuration) =>
        configuration["CPRO_SMTP_DELAI_S"] is not { Length: > 0 } texte
            ? TimeSpan.FromSeconds(30)
            : int.TryParse(texte, NumberStyles.None, CultureInfo.InvariantCulture, out var secondes) && secondes is >= 1 and <= 3600
                ? TimeSpan.FromSeconds(secondes)
                : throw new InvalidOperationException($"CPRO_SMTP_DELAI_S « {texte} » : attendu un nombre entier de secondes, entre 1 et 3600.");

    public static MailboxAddress Expediteur(IConfiguration configuration) =>
        configuration["CPRO_MAIL_FROM"] is { Length: > 0 } expediteur
            ? MailboxAddress.TryParse(expediteur, out var adresse)
                ? adresse
                : throw new InvalidOperationException($"CPRO_MAIL_FROM « {expediteur} » n'est pas une adresse électronique.")
            : new MailboxAddress(null, "ne-pas-repondre@cpro.invalid");
}
