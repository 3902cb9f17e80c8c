using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Cpro.Etablissements.Courriels;

/// <summary>Delivers one email; returns where it went, throws when it could not.</summary>
internal interface ITransportCourriel
{
    Task<string> EnvoyerAsync(string expediteur, string destinataire, string objet, string corps, CancellationToken cancellationToken);
}

/// <summary>CPRO_SMTP = smtp://[user:password@]host[:port] (smtps:// for TLS).</summary>
internal sealed class TransportSmtp(Uri serveur) : ITransportCourriel
{
    public async Task<string> EnvoyerAsync(string expediteur, string destinataire, string objet, string corps, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(serveur.Host, serveur.IsDefaultPort || serveur.Port < 0 ? 25 : serveur.Port)
        {
            EnableSsl = serveur.Scheme == "smtps",
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (serveur.UserInfo.Split(':', 2) is [var utilisateur, var motDePasse] && utilisateur.Length > 0)
        {
            client.Credentials = new NetworkCredential(Uri.UnescapeDataString(utilisateur), Uri.UnescapeDataString(motDePasse));
        }
        using var message = new MailMessage(expediteur, destinataire, objet, corps) { BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8 };
        await client.SendMailAsync(message, cancellationToken);
        return "SMTP";
    }
}

/// <summary>Without SMTP, each email is a file under the mail folder (CPRO_MAIL_DIR, .data/mail by default),
/// which the administrator reads in the portal.</summary>
internal sealed class TransportFichier(string dossier) : ITransportCourriel
{
    public async Task<string> EnvoyerAsync(string expediteur, string destinataire, string objet, string corps, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dossier);
        var chemin = Path.Combine(dossier, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        var contenu = $"From: {expediteur}\r\nTo: {destinataire}\r\nSubject: {objet}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{corps}\r\n";
        await File.WriteAllTextAsync(chemin, contenu, new UTF8Encoding(false), cancellationToken);
        return chemin;
    }
}

internal static class ConfigurationCourriels
{
    public static ITransportCourriel Transport(IConfiguration configuration) =>
        configuration["CPRO_SMTP"] is { Length: > 0 } smtp
            ? new TransportSmtp(new Uri(smtp))
            : new TransportFichier(Path.GetFullPath(configuration["CPRO_MAIL_DIR"] is { Length: > 0 } dossier ? dossier : Path.Combine(".data", "mail")));

    public static string Expediteur(IConfiguration configuration) => configuration["CPRO_MAIL_FROM"] ?? "ne-pas-repondre@cpro.invalid";
}
