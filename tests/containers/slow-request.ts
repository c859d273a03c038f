// An HTTP/1.1 POST over a raw socket whose body is sent in two parts, so that a test can act
// (stop a container, say) while the request is in flight.
import { connect, type Socket } from 'node:net'

export interface SlowRequest {
  /** Sends the rest of the body; the response follows. */
  finish(): void
  /** Resolves with the raw response once the server closes the connection. */
  response: Promise<string>
}

/** Opens the connection and sends the headers and the first half of a JSON body. */
export async function startSlowPost(
  port: number,
  path: string,
  body: string,
): Promise<SlowRequest> {
  const socket: Socket = connect({ host: '127.0.0.1', port })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })

  const response = new Promise<string>((resolve, reject) => {
    let text = ''
    socket.setTimeout(20_000, () => socket.destroy(new Error('No response within 20 s')))
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()))
    socket.on('error', reject)
    socket.on('close', () => resolve(text))
  })

  const payload = Buffer.from(body)
  const half = Math.floor(payload.length / 2)
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${payload.length}\r\nConnection: close\r\n\r\n`,
  )
  socket.write(payload.subarray(0, half))

  return { finish: () => socket.write(payload.subarray(half)), response }
}
