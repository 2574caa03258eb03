/* lumos frame bytes in the page: base64 text, BLOB references, texel views and the
 * deflated payload of lumos.io.html.pack_payload (docs/frame.md).
 */
(function (global) {
  "use strict";
  const lumos = global.lumos;

  // -- helpers --------------------------------------------------------------------
  function decodeBase64(text) {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function asBytes(data) {
    if (data instanceof Uint8Array) return data;
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (typeof data === "string") return decodeBase64(data);
    throw new TypeError("blob: expected an ArrayBuffer, a typed array, a DataView or base64 text");
  }

  /** The bytes a BLOB reference ({offset, nbytes}) or inline data stands for. */
  function blobBytes(ref, blob) {
    if (ref && typeof ref === "object" && !ArrayBuffer.isView(ref) && !(ref instanceof ArrayBuffer)
        && "nbytes" in ref) {
      return blob.subarray(ref.offset, ref.offset + ref.nbytes);
    }
    return asBytes(ref);
  }

  /** Texel bytes as the typed array texImage wants for the texture's dtype. */
  function texelView(obj, bytes) {
    if (obj.dtype === "u1") return bytes;
    if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
    if (obj.dtype === "f2") {
      return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
    }
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  }

  /** Inflate zlib ("deflate") bytes with the browser's DecompressionStream. */
  async function inflate(bytes) {
    if (typeof global.DecompressionStream !== "function") {
      throw new Error("this browser cannot inflate the page's data (DecompressionStream: " +
        "Chrome 80, Firefox 113, Safari 16.4 or later)");
    }
    const stream = new Blob([bytes]).stream().pipeThrough(new global.DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  /** [desc, blob] from a payload of lumos.io.html.pack_payload (deflated): "LMF1", the
   * JSON length (uint32 LE), the JSON, zeros to a multiple of 8, the blob. */
  async function unpackPayload(bytes) {
    const raw = await inflate(asBytes(bytes));
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const magic = String.fromCharCode(...raw.subarray(0, 4));
    if (magic !== "LMF1") throw new Error(`payload: got magic ${JSON.stringify(magic)}, expected "LMF1"`);
    const n = view.getUint32(4, true);
    const desc = JSON.parse(new TextDecoder().decode(raw.subarray(8, 8 + n)));
    const start = 8 + n + ((8 - ((8 + n) % 8)) % 8);
    return [desc, raw.subarray(start)];
  }

  Object.assign(lumos, { decodeBase64, asBytes, blobBytes, texelView, inflate, unpackPayload });
})(typeof window !== "undefined" ? window : globalThis);
