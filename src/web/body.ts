import express, { type RequestHandler } from 'express';
import { requireCsrf } from './csrf';

const urlencoded = express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 2000 });
const json = express.json({ limit: '1mb' });

/**
 * For a route that takes a form or JSON body: reads it (a body of another type is left alone) and checks its CSRF
 * token before anything else runs. Put it first on every unsafe route that is not multipart; multipart routes read
 * their body themselves (receiveUpload, the evidence upload) and call verifyCsrf once it is read.
 */
export const formBody: RequestHandler = (req, res, next) => {
  urlencoded(req, res, (err?: unknown) => {
    if (err) return next(err);
    json(req, res, (err2?: unknown) => (err2 ? next(err2) : requireCsrf(req, res, next)));
  });
};
