using Concentrator.Core.Dlms;

namespace Concentrator.Core.Scheduling.Readers
{
    /// <summary>
    /// Buffer sizes of the readers the board builds for its RS485 bus and its TCP endpoints (its heap is small: the
    /// desktop defaults are larger), and the DLMS parts built with them.
    /// </summary>
    public sealed class BoardReaderOptions
    {
        /// <summary>
        /// DLMS client data buffer (one client per bus and password, or per wrapper meter). A whole response must fit,
        /// the object list (0-0:40.0.0*255 attribute 2) read to resolve OBJ included: the simulated E350's is 4.5 KB,
        /// so 4 KiB was too small (found by the desktop test of the board's TCP path).
        /// </summary>
        public int DlmsDataBufferBytes = 8192;

        /// <summary>Largest APDU the DLMS client accepts (proposed in the AARQ).</summary>
        public int DlmsMaxReceivePdu = 512;

        /// <summary>Objects read per DLMS meter, and the object list entries kept to resolve them.</summary>
        public int DlmsMaxObjects = 16;

        public int DlmsCatalogue = 64;

        /// <summary>Wrapper response timeout: a LAN or a cellular router in front of the meter answers well within it.</summary>
        public int WrapperResponseMilliseconds = 3000;
    
        /// <summary>A DLMS client with these buffer sizes: public, or low-level security with <paramref name="password"/>.</summary>
        public DlmsClient NewDlmsClient(IApduTransport transport, string password)
        {
            DlmsClientOptions clientOptions = new DlmsClientOptions();
            clientOptions.Authentication = password.Length > 0 ? DlmsAuthentication.Low : DlmsAuthentication.None;
            clientOptions.Password = password;
            clientOptions.DataBufferSize = DlmsDataBufferBytes;
            clientOptions.MaxReceivePduSize = DlmsMaxReceivePdu;
            return new DlmsClient(transport, clientOptions);
        }

        /// <summary>A poller for one meter over <paramref name="client"/>, with these object limits.</summary>
        public DlmsMeterPoller NewDlmsPoller(DlmsClient client)
        {
            return new DlmsMeterPoller(client, new CosemObjectReader(client, DlmsMaxObjects), DlmsMaxObjects, DlmsCatalogue);
        }
    }
}
