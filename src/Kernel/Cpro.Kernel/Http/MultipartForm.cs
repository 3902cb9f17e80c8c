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
}
