// Shrinks a phone photo in the browser to the size the document pipeline reads, before it is sent over
// prepaid data. The numbers come from the page (documents/pipeline/photo_size.py, rendered into the upload
// form); bench/shrink.py runs this very file in Chromium to measure the bytes saved and the accuracy kept.
//
// NareisShrink.shrinkPhoto(file, {side, quality, smallBytes}) resolves to {file, shrunk, reason}: a JPEG
// at most ``side`` px on its longest side (EXIF rotation applied, metadata dropped), or the file itself
// when it is no JPEG/PNG/WebP (a PDF, HEIC), already small, or shrinking would not make it smaller.
(function (root) {
  "use strict";

  function kindOf(file) {
    // The first bytes, not the name or file.type: gallery apps often give neither.
    return file.slice(0, 12).arrayBuffer().then(function (buffer) {
      var b = new Uint8Array(buffer);
      if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
      if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "png";
      if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46
          && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return "webp";
      return null;
    });
  }

  // Upright pixels: createImageBitmap applies the EXIF rotation; an <img> does too in current browsers.
  function decode(file) {
    if (typeof createImageBitmap === "function") {
      return createImageBitmap(file, { imageOrientation: "from-image" }).catch(function () { return decodeWithImage(file); });
    }
    return decodeWithImage(file);
  }

  function decodeWithImage(file) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var image = new Image();
      image.onload = function () { resolve(image); };
      image.onerror = function () { URL.revokeObjectURL(url); reject(new Error("undecodable")); };
      image.src = url;
    });
  }

  function sizeOf(picture) {
    return { width: picture.naturalWidth || picture.width, height: picture.naturalHeight || picture.height };
  }

  function release(picture) {
    if (picture.close) picture.close();
    else if (picture.src && picture.src.indexOf("blob:") === 0) URL.revokeObjectURL(picture.src);
  }

  function encode(picture, width, height, quality) {
    var canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    var context = canvas.getContext("2d");
    context.fillStyle = "#fff";  // a transparent PNG's background becomes white paper, not black
    context.fillRect(0, 0, width, height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = "high";
    context.drawImage(picture, 0, 0, width, height);
    return new Promise(function (resolve) {
      canvas.toBlob(function (blob) { canvas.width = canvas.height = 0; resolve(blob); }, "image/jpeg", quality);
    });
  }

  // The name tells what the file now is: a PNG or WebP encoded as JPEG is called .jpg, and should the browser
  // give back another type than asked for (canvas.toBlob falls back to PNG), the name follows that type.
  var EXTENSIONS = { "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp" };
  function nameFor(name, type) {
    var dot = name.lastIndexOf(".");
    return (dot > 0 ? name.slice(0, dot) : name || "photo") + (EXTENSIONS[type] || ".jpg");
  }

  function original(file, reason) {
    return { file: file, shrunk: false, reason: reason };
  }

  function shrinkPhoto(file, options) {
    var side = options.side, quality = options.quality, smallBytes = options.smallBytes || 0;
    return kindOf(file).then(function (kind) {
      if (!kind) return original(file, "type");
      if (file.size <= smallBytes) return original(file, "small");
      return decode(file).then(function (picture) {
        var size = sizeOf(picture);
        var scale = Math.min(1, side / Math.max(size.width, size.height, 1));
        if (scale === 1 && kind === "jpeg") {  // a JPEG that fits: encoding it again only loses detail
          release(picture);
          return original(file, "fits");
        }
        var width = Math.max(1, Math.round(size.width * scale)), height = Math.max(1, Math.round(size.height * scale));
        return encode(picture, width, height, quality).then(function (blob) {
          release(picture);
          if (!blob || blob.size >= file.size) return original(file, "larger");
          var type = blob.type || "image/jpeg";
          var shrunk = new File([blob], nameFor(file.name, type), { type: type, lastModified: file.lastModified });
          return { file: shrunk, shrunk: true, reason: "shrunk" };
        });
      }, function () { return original(file, "undecodable"); });
    }).catch(function () { return original(file, "error"); });  // never lose a photo to this step
  }

  root.NareisShrink = { shrinkPhoto: shrinkPhoto };
})(typeof window !== "undefined" ? window : this);
