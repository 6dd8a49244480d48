import { API_BASE, type ApiClient } from './api-client.js';
import { errorFromBody, networkError } from './api-error.js';
import type { DatasetBody } from './api-types.js';

/**
 * Uploads a CSV as multipart form data. XMLHttpRequest rather than fetch because only it reports
 * upload progress; `onProgress` gets the share sent, 0 to 1.
 */
export function uploadDataset(client: ApiClient, file: File, name: string, onProgress: (share: number) => void): Promise<DatasetBody> {
  const path = `/datasets?name=${encodeURIComponent(name)}`;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', API_BASE + path);
    for (const [header, value] of Object.entries(client.authorization())) request.setRequestHeader(header, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status === 201) resolve(JSON.parse(request.responseText) as DatasetBody);
      else reject(client.reject(errorFromBody(request.status, request.responseText), path));
    };
    request.onerror = () => reject(networkError());
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
