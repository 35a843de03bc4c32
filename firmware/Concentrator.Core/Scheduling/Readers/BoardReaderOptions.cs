using Concentrator.Core.Dlms;

namespace Concentrator.Core.Scheduling.Readers
{
    /// <summary>
    /// Buffer sizes of the DLMS readers the board builds for a meter alone on its transport (a wrapper meter on a TCP
    /// endpoint; its heap is small: the desktop defaults are larger), the same as a bus's (<see cref="DlmsBusReaders"/>,
    /// whose meters share one client per password), and the DLMS parts built with them.
    /// </summary>
    public sealed class BoardReaderOptions
    {
        /// <summary>DLMS client data buffer: a whole response must fit, the object list read to resolve OBJ included.</summary>
        public int DlmsDataBufferBytes = DlmsBusReaders.DataBufferBytes;

        /// <summary>Largest APDU the DLMS client accepts (proposed in the AARQ).</summary>
        public int DlmsMaxReceivePdu = DlmsBusReaders.MaxReceivePdu;

        /// <summary>Objects read per DLMS meter, and the object list entries kept to resolve them.</summary>
        public int DlmsMaxObjects = DlmsBusReaders.MaxObjects;

        public int DlmsCatalogue = DlmsBusReaders.CatalogueCapacity;

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
