using Cpro.Kernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cpro.Kernel.Http;

/// <summary>Reads an uploaded multipart/form-data body once the caller's rights are checked: within a size limit (413
/// before anything is parsed when the declared length is over it), and a body that is not a readable form — no
/// boundary, truncated, altered — is a French 400, never a 500.</summary>
public static class MultipartForm
{
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, long maxBytes, string tooLarge, string expected,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new TropVolumineuxException(tooLarge);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        if (!request.HasFormContentType)
        {
            throw new RequeteInvalideException(expected);
        }
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new TropVolumineuxException(tooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new RequeteInvalideException($"Le formulaire envoyé est mal formé ou incomplet (envoi interrompu ?). {expected}");
        }
    }

    /// <summary>The one file sent in the part <paramref name="part"/>, read whole: over <paramref name="maxBytes"/>, 413;
    /// without that part, a French 400 (<paramref name="missing"/>).</summary>
    public static async Task<(string Name, byte[] Content)> ReadFileAsync(HttpRequest request, string part, long maxBytes, string tooLarge,
        string missing, CancellationToken cancellationToken)
    {
        var form = await ReadAsync(request, maxBytes + 64 * 1024, tooLarge,
            $"Envoyez le fichier en multipart/form-data, dans une partie nommée « {part} ».", cancellationToken);
        var file = form.Files.GetFile(part) ?? throw new RequeteInvalideException(missing);
        if (file.Length > maxBytes)
        {
            throw new TropVolumineuxException(tooLarge);
        }
        using var memory = new MemoryStream((int)file.Length);
        await file.CopyToAsync(memory, cancellationToken);
        return (file.FileName, memory.ToArray());
    }
}
